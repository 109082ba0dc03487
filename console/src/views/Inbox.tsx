import type { ConversationSummaryDto } from "@parley/shared";
import { useId } from "preact/hooks";
import { since } from "../format.ts";
import { pathFor } from "../router.ts";
import type { InboxState } from "../state/inbox.ts";
import { Link } from "./Link.tsx";
import { useNow } from "./useNow.ts";

interface InboxProps {
  inbox: InboxState;
  openId: string | null;
  meId: string;
  productName: (id: string) => string;
}

export function Inbox({ inbox, openId, meId, productName }: InboxProps) {
  const now = useNow(30_000);
  const meta = (c: ConversationSummaryDto, timing: string) =>
    [c.product && productName(c.product), offerText(c, meId), c.visitorLeftAt && "Visitor left", timing]
      .filter(Boolean)
      .join(" · ");
  return (
    <div class="lists">
      <ConversationList
        title="Waiting"
        rows={inbox.waiting}
        loaded={inbox.loaded}
        openId={openId}
        emptyText="No one is waiting."
        describe={(c) => meta(c, `waiting ${since(c.createdAt, now)}`)}
      />
      <ConversationList
        title="My chats"
        rows={inbox.mine}
        loaded={inbox.loaded}
        openId={openId}
        emptyText="You have no active chats."
        describe={(c) => meta(c, `last activity ${since(c.updatedAt, now)} ago`)}
      />
    </div>
  );
}

function offerText(c: ConversationSummaryDto, meId: string): string | null {
  if (c.status !== "queued" || !c.offer) return null;
  return c.offer.agent.id === meId ? "Offered to you" : `Offered to ${c.offer.agent.name}`;
}

interface ListProps {
  title: string;
  rows: readonly ConversationSummaryDto[];
  loaded: boolean;
  openId: string | null;
  emptyText: string;
  describe: (c: ConversationSummaryDto) => string;
}

function ConversationList({ title, rows, loaded, openId, emptyText, describe }: ListProps) {
  const headingId = useId();
  return (
    <section class="list" aria-labelledby={headingId}>
      <div class="list-head">
        <h2 id={headingId}>{title}</h2>
        {loaded && <span class="count">{rows.length}</span>}
      </div>
      {!loaded ? (
        <p class="list-empty">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="list-empty">{emptyText}</p>
      ) : (
        <ul>
          {rows.map((c) => (
            <li key={c.id}>
              <Link href={pathFor({ name: "conversation", id: c.id })} class="row" current={c.id === openId}>
                <span class="row-name">{c.visitorName}</span> <span class="row-meta">{describe(c)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
