import { PRIORITIES, type Priority } from "@parley/shared";

const WORD = PRIORITIES.join("|");
/** "[High]", "[critical]" anywhere in the subject or the body. */
const TAG = new RegExp(`\\[\\s*(${WORD})\\s*\\]`, "i");
/** A line "Priority: high" (or "Priority level - critical") in the body, as the policy's list of fields reads. */
const LINE = new RegExp(`^\\s*priority(?:\\s+level)?\\s*[:=-]\\s*(${WORD})\\b`, "im");

/**
 * The priority a customer stated in their email (the policy asks them to: "Priority level (critical, high,
 * medium, low)"), from a "[High]" tag in the subject, else a tag or a "Priority: high" line in the body. Null when
 * none is stated: the ticket is then medium and marked for triage.
 */
export function priorityInText(subject: string, body: string): Priority | null {
  const found = TAG.exec(subject) ?? TAG.exec(body) ?? LINE.exec(body);
  return found?.[1] ? (found[1].toLowerCase() as Priority) : null;
}

/** The subject without its priority tag and the "Re:"/"Fwd:" a mail client put in front. */
export function cleanSubject(subject: string): string {
  return subject
    .replace(new RegExp(TAG.source, "gi"), " ")
    .replace(/^\s*((re|fw|fwd|aw|sv)\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
}
