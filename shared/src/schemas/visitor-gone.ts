import { z } from "zod";
import { STAFF_CLOSE_REASONS } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";

// Visitor gone and closing with a reason: chats whose visitor went away end by themselves, and staff
// say why they closed one.

/** When a chat's visitor counts as gone, and when such a chat closes itself, per site (admin page). */
export const VisitorGoneSettings = z.strictObject({
  /** Minutes the visitor's last connection to a chat has been gone before the chat shows "Visitor left". */
  leftAfterMinutes: z
    .number()
    .int("a whole number of minutes")
    .min(1, "at least 1 minute")
    .max(240, "at most 240 minutes (4 hours)"),
  /** Minutes more without a message from anyone before a chat whose visitor left closes itself. */
  closeAfterMinutes: z
    .number()
    .int("a whole number of minutes")
    .min(1, "at least 1 minute")
    .max(1440, "at most 1440 minutes (a day)"),
});
export type VisitorGoneSettings = z.infer<typeof VisitorGoneSettings>;

export const DEFAULT_VISITOR_GONE_SETTINGS: VisitorGoneSettings = { leftAfterMinutes: 10, closeAfterMinutes: 30 };

/** `conversation:close`: why, from what staff may pick; "resolved" when left out. */
export const ConversationCloseInput = z.strictObject({
  conversationId: ObjectIdString,
  reason: z.enum(STAFF_CLOSE_REASONS).optional(),
});
export type ConversationCloseInput = z.infer<typeof ConversationCloseInput>;
