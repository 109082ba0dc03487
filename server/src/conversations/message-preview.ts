import { MAX_PREVIEW_LENGTH } from "@parley/shared/constants";

/**
 * A message as one line of a list (the ringing card's preview, the inbox's last message): whitespace runs become
 * one space, and the text is cut to MAX_PREVIEW_LENGTH characters (code points, so no emoji is cut in half).
 */
export function previewOf(body: string): string {
  const line = body.replace(/\s+/g, " ").trim();
  const chars = Array.from(line);
  return chars.length <= MAX_PREVIEW_LENGTH ? line : `${chars.slice(0, MAX_PREVIEW_LENGTH - 1).join("")}…`;
}
