import { z } from "zod";
import { ObjectIdString, Seq } from "./primitives.ts";

/** POST /api/auth/login. The password is not trimmed: spaces are legal password characters. */
export const LoginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().min(3).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const EmptyInput = z.strictObject({});
export type EmptyInput = z.infer<typeof EmptyInput>;

export const ConversationRef = z.strictObject({ conversationId: ObjectIdString });
export type ConversationRef = z.infer<typeof ConversationRef>;

export const AgentSyncInput = z.strictObject({ conversationId: ObjectIdString, afterSeq: Seq });
export type AgentSyncInput = z.infer<typeof AgentSyncInput>;
