// Typing and "Seen": signals about a chat that are not messages. Read marks are stored on the chat
// (highest seq read per side); typing is relayed live and never stored.
import { z } from "zod";
import { ObjectIdString, Seq } from "./primitives.ts";

/** `conversation:read`, both namespaces: "I have read up to `seq`". A seq past the chat's last is clamped. */
export const ReadMarkInput = z.strictObject({ conversationId: ObjectIdString, seq: Seq });
export type ReadMarkInput = z.infer<typeof ReadMarkInput>;

/** `typing:set` from the widget. */
export const VisitorTypingInput = z.strictObject({ conversationId: ObjectIdString, typing: z.boolean() });
export type VisitorTypingInput = z.infer<typeof VisitorTypingInput>;

/** `typing:set` from the console; `internal` while writing a note (whisper): the visitor never hears of it. */
export const StaffTypingInput = z.strictObject({
  conversationId: ObjectIdString,
  typing: z.boolean(),
  internal: z.boolean().optional(),
});
export type StaffTypingInput = z.infer<typeof StaffTypingInput>;

export type ChatSide = "visitor" | "agent";

/** Server → client `conversation:read`: one side's read mark rose. */
export interface ReadMarkDto {
  conversationId: string;
  side: ChatSide;
  seq: number;
}

/**
 * Server → client `typing:updated`. `name` is the agent's display name (or the visitor's name, for staff). Never
 * stored nor replayed: a client drops it after TYPING_EXPIRY_MS without a refresh.
 */
export interface TypingDto {
  conversationId: string;
  side: ChatSide;
  name: string;
  typing: boolean;
}
