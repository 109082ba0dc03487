import { browserStorage, Drafts } from "../state/drafts.ts";
import { ChatSignals } from "./chat-signals.ts";
import type { RealtimeContext } from "./context.ts";

/**
 * What an open chat has besides its messages: typing, "Seen" and drafts kept across reloads. One chunk of their own,
 * loaded right after sign-in (ConsoleSession.loadChatExtras): the console's main chunk has a size budget.
 */
export interface ChatExtras {
  signals: ChatSignals;
  drafts: Drafts;
}

export function createChatExtras(ctx: RealtimeContext, agentId: string): ChatExtras {
  const drafts = new Drafts(browserStorage(), agentId);
  // A closed chat takes no reply: its draft goes (whoever closed it, in whichever tab).
  ctx.socket.on("conversation:updated", (summary) => {
    if (summary.status === "closed") drafts.delete(summary.id);
  });
  return { signals: new ChatSignals(ctx), drafts };
}
