import type { AgentClientToServerEvents } from "@parley/shared";
import { staffConversation } from "../conversations/conversation-access.ts";
import { toObjectId } from "../db/object-id.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffContext } from "../realtime/namespaces.ts";
import { searchHistory } from "./history-search.ts";
import { SearchGate } from "./search-gate.ts";
import { visitorHistory } from "./visitor-history.ts";

type HistoryEvents = "history:search" | "visitor:history";

/**
 * The site's closed chats, for every staff member: agents see their colleagues' chats too (a returning customer is
 * often answered by someone else), read-only. Both read the history beyond its primary key, so both queue at the
 * node's gate for the site.
 */
export function historyHandlers(
  gate = new SearchGate(),
): HandlerGroup<AgentClientToServerEvents, StaffContext, HistoryEvents> {
  return {
    "history:search": (input, { agent }) => gate.run(agent.site.toHexString(), () => searchHistory(agent.site, input)),

    "visitor:history": async (input, { agent }) => {
      // Whoever may open the chat may see its visitor's past; other sites' chats are NOT_FOUND.
      const c = await staffConversation(agent, toObjectId(input.conversationId), "view");
      return gate.run(agent.site.toHexString(), () => visitorHistory(c));
    },
  };
}
