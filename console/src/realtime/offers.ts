import { offerActionFinished, offerActionStarted, offerKey, type RingingOffer } from "../state/offers.ts";
import type { RealtimeContext } from "./context.ts";
import type { ConversationSync } from "./conversations.ts";
import { command, failureOf } from "./socket.ts";

const UNANSWERED = "The server did not answer in time. The chat may still be ringing you: try again.";

/** Answers to chats ringing me. Whether the chat then leaves the list is the server's update to say. */
export class Offers {
  constructor(
    private readonly ctx: RealtimeContext,
    private readonly conversations: ConversationSync,
  ) {}

  /** True when the chat is now mine. */
  async accept(offer: RingingOffer): Promise<boolean> {
    return this.answer(offer, "accept", async () => {
      const result = await command(this.ctx.socket, "conversation:accept", { conversationId: offer.id });
      if (result.ok) this.conversations.onDetail(result.data.conversation);
      return result;
    });
  }

  async decline(offer: RingingOffer): Promise<boolean> {
    return this.answer(offer, "decline", () => command(this.ctx.socket, "offer:decline", { conversationId: offer.id }));
  }

  private async answer(
    offer: RingingOffer,
    action: "accept" | "decline",
    run: () => ReturnType<typeof command<"offer:decline">> | ReturnType<typeof command<"conversation:accept">>,
  ): Promise<boolean> {
    const { store } = this.ctx;
    const key = offerKey(offer);
    store.update((s) => ({ ...s, offerActions: offerActionStarted(s.offerActions, key, action) }));
    const result = await run();
    const error = result.ok ? null : failureOf(result, UNANSWERED);
    store.update((s) => ({ ...s, offerActions: offerActionFinished(s.offerActions, key, error) }));
    return result.ok;
  }
}
