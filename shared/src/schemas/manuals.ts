import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";
import { ProductId } from "./products.ts";

// Manuals before tickets (shared/spec/support-policy.txt: "Ensure you have consulted the online manuals
// before creating a support ticket"): admins list manual articles per product; the widget suggests matching ones
// while a visitor writes, and which ones they opened travels with their request to the agent.

/** Most articles a site keeps: they are read whole for every suggestion, so the list stays small. */
export const MAX_MANUAL_ARTICLES = 200;
/** Most suggestions shown at once. */
export const MAX_MANUAL_SUGGESTIONS = 3;

export const ManualArticleId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8-64 characters of A-Z, a-z, 0-9, _ or -");

/** An https link to the article (no `javascript:`, no plain http, no credentials in it). */
export const ManualUrl = z
  .url({ protocol: /^https$/, hostname: /^[a-z0-9.-]+$/i, error: "must be an https:// address" })
  .max(500, "at most 500 characters")
  .refine((value) => !/^https:\/\/[^/]*@/i.test(value), "must be an address without a user name or password");

export const ManualArticle = z.strictObject({
  /** Absent on a new article: the server gives it one. */
  id: ManualArticleId.optional(),
  /** The product it documents; null for one about every product. */
  product: ProductId.nullable(),
  title: z.string().trim().min(1, "title is required").max(120, "at most 120 characters"),
  url: ManualUrl,
  /** Words or short phrases a visitor might type ("export", "license key"). */
  keywords: z
    .array(z.string().trim().toLowerCase().min(1, "a keyword is empty").max(40, "at most 40 characters"))
    .max(20, "at most 20 keywords"),
});
export type ManualArticle = z.infer<typeof ManualArticle>;

/** `manuals:save` (admins): the site's whole list, replacing the stored one. */
export const ManualsSaveInput = z.strictObject({
  articles: z.array(ManualArticle).max(MAX_MANUAL_ARTICLES, `at most ${MAX_MANUAL_ARTICLES} articles`),
});
export type ManualsSaveInput = z.infer<typeof ManualsSaveInput>;

/** `manual:suggest` (widget): what the visitor has typed so far, and the product they picked. */
export const ManualSuggestInput = z.strictObject({
  text: z.string().max(MAX_MESSAGE_LENGTH),
  product: ProductId.optional(),
});
export type ManualSuggestInput = z.infer<typeof ManualSuggestInput>;

/** `manual:opened` (widget): a suggested article opened while writing a reply on one of the visitor's tickets. */
export const ManualOpenedInput = z.strictObject({
  ticketId: ObjectIdString,
  articleId: ManualArticleId,
});
export type ManualOpenedInput = z.infer<typeof ManualOpenedInput>;

/** Which suggested articles the visitor opened before sending: with an offline request (or a ticket reply). */
export const ManualsOpened = z.array(ManualArticleId).max(20);

export interface ManualArticleDto {
  id: string;
  product: string | null;
  title: string;
  url: string;
  keywords: string[];
}

/** What the widget shows: a title and where it leads. */
export interface ManualSuggestionDto {
  id: string;
  title: string;
  url: string;
}

/** An article the visitor opened, as the agent sees it on the request (titled as it was when they sent it). */
export interface OpenedManualDto {
  id: string;
  title: string;
  url: string;
}
