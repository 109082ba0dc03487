import type { HistorySearchInput } from "@parley/shared";

/** The History page's form, as typed: empty means "any". Dates are the agent's calendar days (`YYYY-MM-DD`). */
export interface HistoryFilters {
  visitor: string;
  words: string;
  from: string;
  to: string;
  agentId: string;
  product: string;
  hasTicket: "" | "yes" | "no";
}

export const EMPTY_HISTORY_FILTERS: HistoryFilters = {
  visitor: "",
  words: "",
  from: "",
  to: "",
  agentId: "",
  product: "",
  hasTicket: "",
};

/** Local midnight of a calendar day, `days` later, as the instant the server compares with. */
function dayStart(day: string, days = 0): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days).toISOString();
}

/** The `history:search` payload: empty fields left out, the "to" day included (up to the next midnight). */
export function historyInput(f: HistoryFilters): HistorySearchInput {
  const input: HistorySearchInput = {};
  if (f.visitor.trim()) input.visitor = f.visitor.trim();
  if (f.words.trim()) input.words = f.words.trim();
  if (f.from) input.from = dayStart(f.from);
  if (f.to) input.to = dayStart(f.to, 1);
  if (f.agentId) input.agentId = f.agentId;
  if (f.product) input.product = f.product;
  if (f.hasTicket) input.hasTicket = f.hasTicket === "yes";
  return input;
}

/** Which form field a server issue belongs to ("to" for a range the wrong way round). */
export function fieldOfIssue(path: string): keyof HistoryFilters | null {
  const field = path.split(".")[0];
  return field && field in EMPTY_HISTORY_FILTERS ? (field as keyof HistoryFilters) : null;
}
