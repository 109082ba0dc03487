import type { AttachmentDto } from "@parley/shared";
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_FILENAME_HEADER,
  ATTACHMENTS_PATH,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  MAX_ATTACHMENTS_PER_MESSAGE,
  VISITOR_SITE_HEADER,
} from "@parley/shared/constants";

/** Where an upload belongs: the chat on screen, or one of the visitor's tickets. */
export type UploadTarget = { conversationId: string } | { ticketId: string };

/** `problem` is a whole sentence for the visitor, naming the file. */
export type UploadResult = { ok: true; attachment: AttachmentDto } | { ok: false; problem: string };

/** What a message or reply carries of an uploaded file until the server's copy comes back. */
export interface AttachmentRef {
  id: string;
  name: string;
}

/**
 * The attachment API's rules, handed to the files chunk with the credentials rather than imported by it: a lazy chunk
 * importing @parley/shared/constants makes the bundler (rolldown 1.2, rolldown#10731) split app.js in two.
 */
export const FILE_RULES = {
  path: ATTACHMENTS_PATH,
  filenameHeader: ATTACHMENT_FILENAME_HEADER,
  siteHeader: VISITOR_SITE_HEADER,
  maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES,
  perMessage: MAX_ATTACHMENTS_PER_MESSAGE,
  accept: ATTACHMENT_ACCEPT,
} as const;
export type FileRules = typeof FILE_RULES;

/** What the files chunk needs to reach the visitor's files: the server, the site, the visitor's token, the rules. */
export interface FileAccess {
  serverUrl: string;
  siteKey: string;
  token: () => string | null;
  rules: FileRules;
}

/** A message needs a body: what was typed, or else the names of the files it carries. */
export function bodyWithFiles(text: string, files: readonly { name: string }[]): string {
  return text.trim() || files.map((f) => f.name).join(", ");
}
