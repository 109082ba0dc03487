import type { VisitorClientToServerEvents } from "@parley/shared";
import { toObjectId } from "../db/object-id.ts";
import type { Mailer } from "../email/mail.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { VisitorContext } from "../visitors/visitor-context.ts";
import type { ConversationDoc } from "./conversation.model.ts";
import { toRatingDto } from "./conversation-dto.ts";
import { rateConversation } from "./conversation-rating.ts";
import type { MessageLog } from "./message-log.ts";
import { emailTranscript } from "./transcript-request.ts";

export interface ChatEndDeps {
  staff: StaffNamespace;
  log: Pick<MessageLog, "settled">;
  mailer: Mailer;
  clock: () => Date;
  /** A chat was rated (once): the figures' row follows (the supervision ledger, wired by the server). */
  onRated?: (conversation: ConversationDoc) => void;
}

/** What a visitor may do once their chat ended: rate it, have its transcript emailed. */
export function chatEndHandlers(
  deps: ChatEndDeps,
): HandlerGroup<VisitorClientToServerEvents, VisitorContext, "conversation:rate" | "conversation:transcript"> {
  return {
    "conversation:rate": async (input, { visitor }) => {
      const conversation = await rateConversation(
        visitor,
        toObjectId(input.conversationId),
        input,
        deps.clock(),
        (rated) => {
          const rating = toRatingDto(rated);
          if (!rating) return;
          // The staff who still have the chat open (its agent, a watching supervisor) see it come in.
          deps.staff
            .to(rooms.conversation(rated._id))
            .emit("conversation:rated", { conversationId: input.conversationId, rating });
          deps.onRated?.(rated);
        },
      );
      const rating = toRatingDto(conversation);
      if (!rating) throw new Error("a rated chat has a rating");
      return { rating };
    },

    "conversation:transcript": async (input, { visitor, site }) =>
      emailTranscript(deps, visitor, site, toObjectId(input.conversationId), input.email, deps.clock()),
  };
}
