import { z } from "zod";
import { CHAT_RATINGS, type ChatRating, MAX_RATING_COMMENT_LENGTH } from "../constants.ts";
import { Email, ObjectIdString } from "./primitives.ts";

// Ratings and transcripts: when a chat ends its visitor may rate it once and ask for its transcript.

/** `conversation:rate` (visitor): once per chat, after it closed; final once stored. */
export const ConversationRateInput = z.strictObject({
  conversationId: ObjectIdString,
  rating: z.enum(CHAT_RATINGS),
  /** Blank is the same as none. */
  comment: z
    .string()
    .trim()
    .max(MAX_RATING_COMMENT_LENGTH, `at most ${MAX_RATING_COMMENT_LENGTH} characters`)
    .optional(),
});
export type ConversationRateInput = z.infer<typeof ConversationRateInput>;

/** `conversation:transcript` (visitor): to `email`, or to the email given when the chat started. */
export const TranscriptRequestInput = z.strictObject({
  conversationId: ObjectIdString,
  email: Email.optional(),
});
export type TranscriptRequestInput = z.infer<typeof TranscriptRequestInput>;

/** A chat's rating as the visitor left it. */
export interface ChatRatingDto {
  rating: ChatRating;
  comment: string | null;
  at: string;
}

/** To the staff who have the chat open (`conversation:rated`): it was just rated. */
export interface ConversationRatedDto {
  conversationId: string;
  rating: ChatRatingDto;
}

/** CSAT: good / (good + bad) in percent to one decimal; null with no rating. */
export interface SatisfactionDto {
  good: number;
  bad: number;
  csat: number | null;
}
