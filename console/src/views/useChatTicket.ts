import type { TicketDto } from "@parley/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { useSession } from "./session-context.ts";

/**
 * The ticket made from this chat, if any: asked for with `ticket:list {conversationId}`, then followed by
 * `ticket:updated` (a ticket created from it elsewhere shows at once) and asked again after a reconnect.
 */
export function useChatTicket(conversationId: string): TicketDto | null {
  const session = useSession();
  const [ticket, setTicket] = useState<TicketDto | null>(null);
  const requestCount = useRef(0);
  useEffect(() => {
    setTicket(null);
    const load = async () => {
      const mine = ++requestCount.current;
      const result = await session.tickets.list({ conversationId, sort: "number" });
      if (mine !== requestCount.current || !result.ok) return;
      // One ticket per source; should there be more, the newest is the one to follow.
      setTicket(result.data.tickets[0] ?? null);
    };
    void load();
    return session.tickets.listen({
      updated: (t) => {
        if (t.conversationId === conversationId) setTicket(t);
      },
      resynced: () => void load(),
    });
  }, [session, conversationId]);
  return ticket;
}
