import type { ConversationSummaryDto } from "@parley/shared";
import type { ComponentChild } from "preact";
import { useId } from "preact/hooks";
import { since } from "../format.ts";
import { pathFor } from "../router.ts";
import type { InboxState } from "../state/inbox.ts";
import { lastMessageText, unreadCount, waitingSince } from "../state/inbox-rows.ts";
import { Link } from "./Link.tsx";
import { useNow } from "./useNow.ts";

interface InboxProps {
  inbox: InboxState;
  openId: string | null;
  meId: string;
  productName: (id: string) => string;
}

export function Inbox({ inbox, openId, meId, productName }: InboxProps) {
  // Ticks every 15 s: "waiting 2 min" must not lag by much.
  const now = useNow(15_000);
  const meta = (c: ConversationSummaryDto, timing: string) =>
    [
      c.product && productName(c.product),
      offerText(c, meId),
      c.leftMessage && "Left after hours",
      c.visitorLeftAt && "Visitor left",
      timing,
    ]
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
        extra={(c) => <MineContext c={c} now={now} />}
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
  /** More about a row: for my chats, the last message, what is unread and how long the visitor waits. */
  extra?: (c: ConversationSummaryDto) => ComponentChild;
}

function ConversationList({ title, rows, loaded, openId, emptyText, describe, extra }: ListProps) {
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
                {extra?.(c)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MineContext({ c, now }: { c: ConversationSummaryDto; now: number }) {
  const last = lastMessageText(c);
  const unread = unreadCount(c);
  const waiting = waitingSince(c);
  return (
    <>
      {(waiting || unread > 0) && (
        <span class="row-status">
          {waiting && <span class="row-waiting">Waiting for you {since(waiting, now)}</span>}
          {unread > 0 && <span class="row-unread">{unread} unread</span>}
        </span>
      )}
      {last && <span class="row-last">{last}</span>}
    </>
  );
}
