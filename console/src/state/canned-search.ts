import type { CannedPlaceholder, CannedResponseDto } from "@parley/shared";

/** Most replies a search shows at once: the list stays short enough to read and arrow through. */
export const MAX_SHOWN = 50;

/**
 * Replies matching what the agent typed (a leading "/" ignored), best first: shortcut starting with it, then shortcut,
 * title and text containing it. Every word must match somewhere, in any case.
 */
export function searchCanned(responses: readonly CannedResponseDto[], query: string): CannedResponseDto[] {
  const words = query.replace(/^\//, "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return responses.slice(0, MAX_SHOWN);
  const [first = ""] = words;
  const rank = (r: CannedResponseDto): number => {
    const text = `${r.shortcut} ${r.title} ${r.body}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return -1;
    if (r.shortcut.startsWith(first)) return 0;
    if (r.shortcut.includes(first)) return 1;
    return r.title.toLowerCase().includes(first) ? 2 : 3;
  };
  return responses
    .map((r) => ({ r, rank: rank(r) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_SHOWN)
    .map((x) => x.r);
}

const WHY: Record<CannedPlaceholder, string> = {
  "visitor.name": "no visitor name",
  "visitor.email": "the visitor gave no email",
  "agent.name": "no agent name",
  "ticket.number": "no ticket made from this chat yet",
};

/** Said under the composer after an insert that left placeholders for the agent to fill. */
export function unfilledNote(unfilled: readonly CannedPlaceholder[]): string | null {
  if (unfilled.length === 0) return null;
  return `Fill in before sending: ${unfilled.map((p) => `{${p}} (${WHY[p]})`).join(", ")}.`;
}
