import type { DomainEventSink } from "../events/domain-events.ts";
import type { ConversationDoc } from "./conversation.model.ts";
import type { MessageDoc } from "./message.model.ts";

/**
 * What happened to chats, told after it is stored, each with the documents as the change left them. Internal notes
 * are told too: a consumer (webhooks/webhook-events.ts) decides what it passes on.
 */
export interface ConversationEventMap {
  /** A new chat, before its first message is stored. */
  "conversation.started": { conversation: ConversationDoc };
  /** A chat got an owner: accepted, or transferred to a colleague. */
  "conversation.assigned": { conversation: ConversationDoc };
  "conversation.closed": { conversation: ConversationDoc };
  /** Every stored chat message, internal notes (whispers) included. */
  "message.stored": { conversation: ConversationDoc; message: MessageDoc };
  /** The visitor rated their ended chat (told again, harmlessly, when a rating cut short by a restart is made good). */
  "conversation.rated": { conversation: ConversationDoc };
}

export type ConversationEvents = DomainEventSink<ConversationEventMap>;
