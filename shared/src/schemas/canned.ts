// Canned responses: saved replies an agent inserts into the chat composer with `/`.
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";

/** Site-wide replies are edited by admins and offered to all staff; personal ones belong to one staff member. */
export const CANNED_SCOPES = ["site", "personal"] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

/** Bounds that keep one site's list a small read (it is loaded whole, once per console session). */
export const MAX_SITE_CANNED_RESPONSES = 500;
export const MAX_PERSONAL_CANNED_RESPONSES = 100;
export const MAX_CANNED_SHORTCUT_LENGTH = 32;
export const MAX_CANNED_TITLE_LENGTH = 120;

/** The placeholders the server fills when a reply is used; anything else in braces stays as typed. */
export const CANNED_PLACEHOLDERS = ["visitor.name", "visitor.email", "agent.name", "ticket.number"] as const;
export type CannedPlaceholder = (typeof CANNED_PLACEHOLDERS)[number];

/** What an agent types after `/` to find the reply: lower case, so "Refund" and "refund" are one shortcut. */
export const CannedShortcut = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "shortcut is required")
  .max(MAX_CANNED_SHORTCUT_LENGTH, `shortcut is longer than ${MAX_CANNED_SHORTCUT_LENGTH} characters`)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "use letters, digits, - and _ only, starting with a letter or digit");

/**
 * The reply's text. Its length is checked with a refinement rather than `max`, on purpose: a too-long `body` would
 * otherwise come back as the composer's MESSAGE_TOO_LONG (errors/parse-input.ts), and this is a form field.
 */
export const CannedBody = z
  .string()
  .trim()
  .min(1, "text is required")
  .refine((s) => s.length <= MAX_MESSAGE_LENGTH, `text is longer than ${MAX_MESSAGE_LENGTH} characters`);

/** `canned:save`: create (no id) or edit. The scope is chosen at creation and must match on an edit. */
export const CannedSaveInput = z.strictObject({
  id: ObjectIdString.optional(),
  scope: z.enum(CANNED_SCOPES),
  shortcut: CannedShortcut,
  title: z
    .string()
    .trim()
    .min(1, "title is required")
    .max(MAX_CANNED_TITLE_LENGTH, `title is longer than ${MAX_CANNED_TITLE_LENGTH} characters`),
  body: CannedBody,
});
export type CannedSaveInput = z.infer<typeof CannedSaveInput>;

export const CannedRef = z.strictObject({ id: ObjectIdString });
export type CannedRef = z.infer<typeof CannedRef>;

/** `canned:use`: the reply's text filled for this chat; counts one use. */
export const CannedUseInput = z.strictObject({ id: ObjectIdString, conversationId: ObjectIdString });
export type CannedUseInput = z.infer<typeof CannedUseInput>;

export interface CannedResponseDto {
  id: string;
  scope: CannedScope;
  shortcut: string;
  title: string;
  /** As saved, placeholders unfilled. */
  body: string;
  useCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface CannedUseDto {
  /** The body with its placeholders filled, for the composer (the agent edits it before sending). */
  text: string;
  /** Known placeholders with nothing to fill them with here (no email given, no ticket yet): left as typed. */
  unfilled: CannedPlaceholder[];
  /** The reply with its new use count. */
  response: CannedResponseDto;
}
