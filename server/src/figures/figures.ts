/**
 * The supervisors' figures (`stats:get`), computed from plain rows so every rule can be tested with
 * hand-written times; figures-query.ts loads the rows. Every instant, "now" included, comes in as a parameter.
 *
 * Definitions (the task's, for the console's Figures page):
 * - Range: "today" runs from the start of today in the site's time zone to now; "7d" from the start of the
 *   local day six days ago to now, so the last 7 local days including today. `days` has one entry per local
 *   day, oldest first. A local day starts at the first instant its clock reads 00:00 (a midnight skipped by a
 *   daylight-saving change starts the day at the end of the gap), so days are 23, 24 or 25 hours long.
 * - A chat or ticket is in the range by its `createdAt`, from the start of the first day up to and including now.
 * - Each chat falls in exactly one of four outcomes, tested in this order:
 *   answered  — an agent replied (`firstAgentReplyAt` set; supervisors who joined count as agents, notes do not);
 *   waiting   — no reply yet and still open (queued, or accepted a minute ago): not judged until it ends.
 *   missed    — closed without a reply, though staff had a chance: it was assigned to someone (it has an
 *               assignee) or offered and declined, let ring out or transferred away (`declinedBy` not empty).
 *   abandoned — closed without a reply, never assigned nor declined: left waiting in the queue until it closed;
 *               or withdrawn from the queue because its visitor left (closeReason "abandoned"), even if
 *               an offer had rung someone meanwhile: the visitor gave up before staff could answer.
 *   So started = answered + missed + abandoned + waiting, for the range and for each day.
 * - firstReplyWaitSeconds: over answered chats, `firstAgentReplyAt − createdAt`; the median (the mean of the
 *   two middle values for an even count) and the 90th percentile by nearest rank (the ⌈0.9·n⌉-th smallest).
 * - medianDurationSeconds: over closed chats, the median of `closedAt − createdAt`.
 *   Seconds are whole, rounded half up, after taking the median or percentile in milliseconds.
 * - perAgent: chats per agent by the chat's last assignee (answered or not), most chats first, then by name.
 *   The name is the one stored on the agent's most recent chat in the range.
 * - ticketsByPriority: tickets created in the range, every priority present (0 included).
 * - slaCompliance: for each target (first response, workaround) over the tickets created in the range that
 *   have it, among those decided at now (met, or breached while unmet), the share met on time (met and not
 *   late), in percent to one decimal; null when none is decided. Read with the SLA engine on the site's
 *   calendar, so pauses and closed hours count as the ticket page shows them: when the ticket was last written,
 *   as its targets' fates (sla-clock.ts fateOf), which stay true until it is written again.
 * - satisfaction: over the chats of the range that their visitor rated, good / (good + bad) in percent
 *   to one decimal (null with no rating); for the range, for each day and for each agent, by the same rules as the
 *   counts beside it: a chat's day is the day it started, its agent its last assignee. A rating is final, so a
 *   chat counts once.
 */
import type { Priority, SatisfactionDto, StatsDto, StatsRange } from "@parley/shared";
import { type ChatRating, type ConversationStatus, PRIORITIES } from "@parley/shared/constants";
import type { ClockFate } from "../sla/sla-clock.ts";
import { DAY_MS, instantsOfWallTimes, localDayAt } from "../support-hours/zoned-time.ts";

/** What the figures need of a chat. */
export interface ChatRow {
  createdAt: Date;
  status: ConversationStatus;
  /** The last owner; null if nobody ever accepted it (or it went back to the queue: see `declinedBy`). */
  assignee: { id: string; name: string } | null;
  /** How many agents declined it or transferred it away. */
  declinedCount: number;
  /** An agent was offered or given it at some point (an offer that rang out, a chat put back in the queue). */
  hadAgent?: boolean;
  closedAt: Date | null;
  firstAgentReplyAt: Date | null;
  /** Why it closed; absent on rows written before. */
  closeReason?: string | null;
  /** The visitor's rating; absent on rows written before and on chats not rated. */
  rating?: ChatRating | null;
}

/** What the figures need of a ticket: its targets' fates as of its last change (sla-clock.ts fateOf). */
export interface TicketRow {
  createdAt: Date;
  priority: Priority;
  response: ClockFate;
  workaround: ClockFate | null;
}

export type ChatOutcome = "answered" | "missed" | "abandoned" | "waiting";

/** The four outcomes of a chat (see the definitions above); the order of the tests is the definition. */
export function outcomeOf(chat: ChatRow): ChatOutcome {
  if (chat.firstAgentReplyAt) return "answered";
  if (chat.status !== "closed") return "waiting";
  if (chat.closeReason === "abandoned") return "abandoned";
  return chat.assignee || chat.declinedCount > 0 || chat.hadAgent ? "missed" : "abandoned";
}

export interface StatsDay {
  /** "2026-11-30" in the site's time zone. */
  date: string;
  /** The instant the local day starts. */
  from: Date;
}

export interface StatsWindow {
  range: StatsRange;
  timeZone: string;
  from: Date;
  to: Date;
  /** Oldest first; `days[0].from` is `from`. */
  days: StatsDay[];
}

const DAYS_IN_RANGE: Record<StatsRange, number> = { today: 1, "7d": 7 };

/** The instants a range covers at `now` in `timeZone`, and where each of its local days starts. */
export function statsWindow(range: StatsRange, timeZone: string, now: Date): StatsWindow {
  const today = localDayAt(timeZone, now.getTime());
  const days: StatsDay[] = [];
  for (let day = today - DAYS_IN_RANGE[range] + 1; day <= today; day++) {
    // One day per call: instantsOfWallTimes is exact for a batch spanning a day or two, not a week.
    const [start] = instantsOfWallTimes(timeZone, [day * DAY_MS]);
    days.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), from: new Date(start ?? day * DAY_MS) });
  }
  const first = days[0];
  if (!first) throw new Error("a range has at least one day");
  return { range, timeZone, from: first.from, to: now, days };
}

/** The figures of `window` from the chats and tickets created in it (rows outside it are ignored). */
export function computeStats(
  window: StatsWindow,
  chatRows: readonly ChatRow[],
  ticketRows: readonly TicketRow[],
): StatsDto {
  const inWindow = (at: Date) => at.getTime() >= window.from.getTime() && at.getTime() <= window.to.getTime();
  const chats = chatRows.filter((c) => inWindow(c.createdAt));
  const tickets = ticketRows.filter((t) => inWindow(t.createdAt));

  const totals = { started: 0, answered: 0, missed: 0, abandoned: 0, waiting: 0 };
  const days = window.days.map((d) => ({
    date: d.date,
    started: 0,
    answered: 0,
    missed: 0,
    abandoned: 0,
    ratings: { good: 0, bad: 0 },
  }));
  const ratings = { good: 0, bad: 0 };
  const waits: number[] = [];
  const durations: number[] = [];
  const agents = new Map<string, { name: string; chats: number; latest: number; ratings: Ratings }>();

  for (const chat of chats) {
    const outcome = outcomeOf(chat);
    totals.started++;
    totals[outcome]++;
    const day = days[dayIndex(window.days, chat.createdAt)];
    if (day) {
      day.started++;
      if (outcome !== "waiting") day[outcome]++;
      if (chat.rating) day.ratings[chat.rating]++;
    }
    if (chat.rating) ratings[chat.rating]++;
    if (chat.firstAgentReplyAt) waits.push(chat.firstAgentReplyAt.getTime() - chat.createdAt.getTime());
    if (chat.status === "closed" && chat.closedAt) durations.push(chat.closedAt.getTime() - chat.createdAt.getTime());
    if (chat.assignee) {
      const at = chat.createdAt.getTime();
      const seen = agents.get(chat.assignee.id) ?? {
        name: chat.assignee.name,
        chats: 0,
        latest: at,
        ratings: { good: 0, bad: 0 },
      };
      seen.chats++;
      if (chat.rating) seen.ratings[chat.rating]++;
      if (at >= seen.latest) {
        seen.latest = at;
        seen.name = chat.assignee.name;
      }
      agents.set(chat.assignee.id, seen);
    }
  }

  const median = medianOf(waits);
  const p90 = nearestRank(waits, 0.9);
  const medianDuration = medianOf(durations);
  return {
    range: window.range,
    timeZone: window.timeZone,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    chats: totals,
    firstReplyWaitSeconds: median === null || p90 === null ? null : { median: seconds(median), p90: seconds(p90) },
    medianDurationSeconds: medianDuration === null ? null : seconds(medianDuration),
    perAgent: [...agents]
      .map(([id, a]) => ({ agent: { id, name: a.name }, chats: a.chats, satisfaction: satisfactionOf(a.ratings) }))
      .sort(
        (a, b) =>
          b.chats - a.chats ||
          a.agent.name.localeCompare(b.agent.name) ||
          (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0),
      ),
    ticketsByPriority: countByPriority(tickets),
    slaCompliance: {
      response: compliance(
        tickets.map((t) => t.response),
        window.to,
      ),
      workaround: compliance(
        tickets.flatMap((t) => (t.workaround ? [t.workaround] : [])),
        window.to,
      ),
    },
    days: days.map(({ ratings: dayRatings, ...day }) => ({ ...day, satisfaction: satisfactionOf(dayRatings) })),
    satisfaction: satisfactionOf(ratings),
  };
}

type Ratings = Record<ChatRating, number>;

/** CSAT: the share of good ratings, in percent to one decimal; null with no rating. */
export function satisfactionOf(r: Ratings): SatisfactionDto {
  const rated = r.good + r.bad;
  return { good: r.good, bad: r.bad, csat: rated === 0 ? null : Math.round((r.good / rated) * 1000) / 10 };
}

/** Which of the window's days an instant falls on: the last day starting at or before it. */
function dayIndex(days: readonly StatsDay[], at: Date): number {
  let index = -1;
  days.forEach((d, i) => {
    if (d.from.getTime() <= at.getTime()) index = i;
  });
  return index;
}

/** The median; for an even count, the mean of the two middle values. Null for no values. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The nearest-rank percentile: the ⌈share·n⌉-th smallest value (at least the first). Null for no values. */
export function nearestRank(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1] as number;
}

/** Whole seconds of a duration; a reply stamped before the chat's start (clock skew) reads as 0. */
const seconds = (ms: number): number => Math.max(0, Math.round(ms / 1000));

function countByPriority(tickets: readonly TicketRow[]): Record<Priority, number> {
  const counts = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>;
  for (const t of tickets) counts[t.priority]++;
  return counts;
}

/** Percent of the decided targets (met, or breached) met on time, to one decimal; null if none is decided. */
function compliance(fates: readonly ClockFate[], now: Date): number | null {
  let decided = 0;
  let onTime = 0;
  for (const fate of fates) {
    if (fate.kind === "met") {
      decided++;
      if (!fate.late) onTime++;
    } else if (fate.breachAt && fate.breachAt.getTime() <= now.getTime()) {
      decided++;
    }
  }
  return decided === 0 ? null : Math.round((onTime / decided) * 1000) / 10;
}
