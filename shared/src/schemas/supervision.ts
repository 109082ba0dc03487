import { z } from "zod";
import { ClientMsgId, MessageBody, ObjectIdString } from "./primitives.ts";

// Supervisors and admins watch every chat of their site: the live wall, whispers to the agent,
// joining a chat, alerts and the figures a support lead is judged by.

/** When the wall raises an alert, per site (admin page). */
export const SupervisionSettings = z.strictObject({
  /** A chat waiting in the queue longer than this. */
  queueWaitAlertSeconds: z.number().int().min(10, "at least 10 seconds").max(86_400, "at most a day"),
  /** An assigned chat whose visitor has waited this long for an answer. */
  unansweredAlertSeconds: z.number().int().min(10, "at least 10 seconds").max(86_400, "at most a day"),
});
export type SupervisionSettings = z.infer<typeof SupervisionSettings>;

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  queueWaitAlertSeconds: 120,
  unansweredAlertSeconds: 180,
};

/** `conversation:whisper`: a note in a chat that staff see and the visitor never does. */
export const WhisperInput = z.strictObject({
  conversationId: ObjectIdString,
  clientMsgId: ClientMsgId,
  body: MessageBody,
});
export type WhisperInput = z.infer<typeof WhisperInput>;

export const STATS_RANGES = ["today", "7d"] as const;
export type StatsRange = (typeof STATS_RANGES)[number];

/** `stats:get`: today (in the site's time zone) or the last 7 days including today. */
export const StatsInput = z.strictObject({ range: z.enum(STATS_RANGES) });
export type StatsInput = z.infer<typeof StatsInput>;
