// The "My tickets" view: loaded on first use as its own chunk (see TicketsLoader.tsx), so the chat
// does not pay for it.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { adoptStyles } from "../../adopt-styles.ts";
import { useTicketsText } from "../i18n/tickets.ts";
import type { TicketFeed } from "../ticket-feed.ts";
import { useStore } from "../use-store.ts";
import { TicketDetail } from "./TicketDetail.tsx";
import { TicketList } from "./TicketList.tsx";
import { TICKETS_CSS } from "./tickets-styles.ts";

export { loadTicketsText } from "../i18n/tickets.ts";

export interface TicketsViewProps {
  feed: TicketFeed;
  /** Back to the chat. */
  onClose: () => void;
}

export function TicketsView({ feed, onClose }: TicketsViewProps) {
  const { tickets } = useStore(feed.store);
  // Subscribes this view to the language; its parts read ticketsText() as they render.
  useTicketsText();
  const [openId, setOpenId] = useState<string | null>(null);
  /** The ticket just left, whose row gets focus back. */
  const [cameFrom, setCameFrom] = useState<string | null>(null);
  const now = useNow(60_000);
  const root = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = root.current;
    return el ? adoptStyles(el.getRootNode() as ShadowRoot, TICKETS_CSS) : undefined;
  }, []);

  // Opened before the first connect answered, or after a failed read: ask again.
  useEffect(() => {
    if (feed.store.get().tickets === null) void feed.refresh();
  }, [feed]);

  const back = () => {
    setCameFrom(openId);
    setOpenId(null);
  };
  const ticket = openId ? tickets?.find((t) => t.id === openId) : undefined;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape pressed on any control inside steps back; the controls themselves are buttons and fields.
    <div
      class="view tickets"
      ref={root}
      // Escape steps back one level (ticket → list → chat) instead of closing the panel, which the
      // loader does for an Escape that reaches the shadow root.
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        if (openId) back();
        else onClose();
      }}
    >
      {openId ? (
        <TicketDetail key={openId} ticketId={openId} ticket={ticket} feed={feed} now={now} onBack={back} />
      ) : (
        <TicketList tickets={tickets} now={now} focusTicket={cameFrom} onOpen={setOpenId} />
      )}
    </div>
  );
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
