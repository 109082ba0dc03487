import { CANNED_PLACEHOLDERS, type CannedPlaceholder } from "@parley/shared";

const PATTERN = new RegExp(`\\{(${CANNED_PLACEHOLDERS.map((p) => p.replace(".", "\\.")).join("|")})\\}`, "g");

/** What this chat has for each placeholder; null when it has nothing (no email given, no ticket yet). */
export type PlaceholderValues = Record<CannedPlaceholder, string | null>;

/**
 * Fills the known placeholders in one pass, so a visitor named "{agent.name}" stays a name, and with a replacer
 * function, so "$&" in a name is not a pattern. Unknown ones ("{order.id}") and known ones with no value are left as
 * typed: the text goes to the composer, where the agent sees what is left to fill and edits it before sending.
 */
export function fillPlaceholders(
  body: string,
  values: PlaceholderValues,
): { text: string; unfilled: CannedPlaceholder[] } {
  const unfilled = new Set<CannedPlaceholder>();
  const text = body.replace(PATTERN, (whole, name: CannedPlaceholder) => {
    const value = values[name];
    if (value === null || value === "") {
      unfilled.add(name);
      return whole;
    }
    return value;
  });
  return { text, unfilled: [...unfilled] };
}
