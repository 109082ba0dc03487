import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import { staffConversation } from "../conversations/conversation-access.ts";
import { toObjectId } from "../db/object-id.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { searchHistory } from "./history-search.ts";
import { SearchGate } from "./search-gate.ts";
import { visitorHistory } from "./visitor-history.ts";

type HistoryEvents = "history:search" | "visitor:history";

export interface HistoryOptions {
  /** The longest one page of search reads before it answers (HISTORY_PAGE_MS). */
  pageMs: number;
}

/**
 * The site's closed chats, for every staff member: agents see their colleagues' chats too (a returning customer is
 * often answered by someone else), read-only. A search reads many hours of history, so searches queue at the node's
 * gate for the site; a visitor's past is a few dozen primary-key reads and does not wait behind them.
 */
export function historyHandlers(
  options: HistoryOptions,
  gate = new SearchGate(),
): HandlerGroup<AgentClientToServerEvents, StaffContext, HistoryEvents> {
  return {
    "history:search": (input, { agent }) =>
      gate.run(agent.site.toHexString(), () => searchHistory(agent.site, input, { pageMs: options.pageMs })),

    "visitor:history": async (input, { agent }) => {
      // Whoever may open the chat may see its visitor's past; other sites' chats are NOT_FOUND.
      const c = await staffConversation(agent, toObjectId(input.conversationId), "view");
      return visitorHistory(c);
    },
  };
}
