import type { VisitorHistoryDto } from "@parley/shared";
import { useEffect, useId, useState } from "preact/hooks";
import { formatDate } from "../../format.ts";
import { visitorHistory } from "../../realtime/history.ts";
import { pathFor } from "../../router.ts";
import { Link } from "../Link.tsx";
import { useSession } from "../session-context.ts";

/**
 * In the visitor panel: the visitor's earlier chats and tickets (the last 20 of each), matched by the visitor's
 * identity (the same widget), not by the email they typed, which nobody has verified.
 */
export function VisitorPast({ conversationId }: { conversationId: string }) {
  const session = useSession();
  const chatsId = useId();
  const ticketsId = useId();
  const [past, setPast] = useState<VisitorHistoryDto | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void visitorHistory(session.ctx, conversationId).then((result) => {
      if (!live) return;
      if (result.ok) setPast(result.data);
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [session, conversationId]);

  if (failed) return <p class="muted">Earlier chats could not be loaded.</p>;
  if (!past) return null;
  return (
    <div class="visitor-past">
      <h3 id={chatsId}>Earlier chats</h3>
      {past.chats.length === 0 ? (
        <p class="muted">None</p>
      ) : (
        <ul aria-labelledby={chatsId}>
          {past.chats.map((c) => (
            <li key={c.id}>
              <Link href={pathFor({ name: "conversation", id: c.id })}>{formatDate(c.closedAt)}</Link>
              {c.assignee && <span class="muted"> · {c.assignee.name}</span>}
              <span class="visitor-past-snippet">{c.snippet}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 id={ticketsId}>Tickets</h3>
      {past.tickets.length === 0 ? (
        <p class="muted">None</p>
      ) : (
        <ul aria-labelledby={ticketsId}>
          {past.tickets.map((t) => (
            <li key={t.id}>
              <Link href={pathFor({ name: "ticket", id: t.id })}>{t.number}</Link> {t.subject}
              <span class="muted"> · {t.status.replaceAll("_", " ")}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
