import type { SupportCalendar } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { fateOf, type SlaClock } from "../../sla/sla-clock.ts";
import { ALWAYS_OPEN } from "../../support-hours/always-open.ts";
import {
  type ChatRow,
  computeStats,
  medianOf,
  nearestRank,
  outcomeOf,
  statsWindow,
  type TicketRow,
} from "../figures.ts";

/** Ratings are counted in ratings.int.test.ts; these chats have none. */
const UNRATED = { good: 0, bad: 0, csat: null };

// Every expected number below is worked out by hand in the comment beside it.

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

const ana = { id: "a0000000000000000000000a", name: "Ana" };
const ben = { id: "b0000000000000000000000b", name: "Ben" };

function chat(over: Partial<ChatRow> & { createdAt: Date }): ChatRow {
  return { status: "queued", assignee: null, declinedCount: 0, closedAt: null, firstAgentReplyAt: null, ...over };
}

describe("statsWindow", () => {
  it("should start today at local midnight in the site's zone (London in summer is UTC+1)", () => {
    const w = statsWindow("today", "Europe/London", at("2026-07-15T10:00:00Z"));
    expect(w.from.toISOString()).toBe("2026-07-14T23:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-07-15T10:00:00.000Z");
    expect(w.days.map((d) => d.date)).toEqual(["2026-07-15"]);
  });

  it("should cover 7 local days including today, across the autumn clock change", () => {
    // London goes back from BST to GMT on Sunday 25 October 2026: days up to the 25th start at 23:00 UTC the
    // evening before, the 26th and 27th at 00:00 UTC; the 25th is 25 hours long.
    const w = statsWindow("7d", "Europe/London", at("2026-10-27T12:00:00Z"));
    expect(w.days.map((d) => [d.date, d.from.toISOString()])).toEqual([
      ["2026-10-21", "2026-10-20T23:00:00.000Z"],
      ["2026-10-22", "2026-10-21T23:00:00.000Z"],
      ["2026-10-23", "2026-10-22T23:00:00.000Z"],
      ["2026-10-24", "2026-10-23T23:00:00.000Z"],
      ["2026-10-25", "2026-10-24T23:00:00.000Z"],
      ["2026-10-26", "2026-10-26T00:00:00.000Z"],
      ["2026-10-27", "2026-10-27T00:00:00.000Z"],
    ]);
    expect(w.from.toISOString()).toBe("2026-10-20T23:00:00.000Z");
  });

  it("should take the local date, not the UTC one, for a zone behind UTC", () => {
    // 01:30 UTC on 1 December is 20:30 on 30 November in New York (EST, UTC-5).
    const w = statsWindow("today", "America/New_York", at("2026-12-01T01:30:00Z"));
    expect(w.days).toEqual([{ date: "2026-11-30", from: at("2026-11-30T05:00:00Z") }]);
  });
});

describe("medianOf and nearestRank", () => {
  it("should average the two middle values of an even count", () => {
    expect(medianOf([120, 30, 90, 60])).toBe(75); // (60 + 90) / 2
    expect(medianOf([35, 15, 50, 20, 40])).toBe(35);
    expect(medianOf([])).toBeNull();
  });

  it("should take the ⌈0.9·n⌉-th smallest value for the 90th percentile", () => {
    expect(nearestRank([30, 60, 90, 120], 0.9)).toBe(120); // ⌈3.6⌉ = 4th
    expect(nearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90); // ⌈9⌉ = 9th
    expect(nearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 0.9)).toBe(100); // ⌈9.9⌉ = 10th
    expect(nearestRank([42], 0.9)).toBe(42);
    expect(nearestRank([], 0.9)).toBeNull();
  });
});

describe("outcomeOf", () => {
  const t0 = at("2026-11-30T09:00:00Z");
  it("should tell answered, missed, abandoned and waiting apart", () => {
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", assignee: ana, firstAgentReplyAt: t0 }))).toBe("answered");
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", assignee: ana }))).toBe("missed");
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", declinedCount: 1 }))).toBe("missed");
    expect(outcomeOf(chat({ createdAt: t0, status: "closed" }))).toBe("abandoned");
    expect(outcomeOf(chat({ createdAt: t0, status: "queued" }))).toBe("waiting");
  });

  it("should not judge an open chat before it ends: waiting, even if staff had it", () => {
    expect(outcomeOf(chat({ createdAt: t0, status: "active", assignee: ana }))).toBe("waiting");
    expect(outcomeOf(chat({ createdAt: t0, status: "queued", declinedCount: 1 }))).toBe("waiting");
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", declinedCount: 1, closedAt: t0 }))).toBe("missed");
    // An offer that rang out, or a chat put back in the queue, leaves no assignee and no decline: still missed.
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", hadAgent: true, closedAt: t0 }))).toBe("missed");
    expect(outcomeOf(chat({ createdAt: t0, status: "closed", closedAt: t0 }))).toBe("abandoned");
  });

  it("should count a queued chat withdrawn because its visitor left as abandoned, even if an offer rang", () => {
    const withdrawn = { createdAt: t0, status: "closed", closedAt: t0, closeReason: "abandoned" } as const;
    expect(outcomeOf(chat({ ...withdrawn, hadAgent: true, declinedCount: 1 }))).toBe("abandoned");
    expect(outcomeOf(chat({ ...withdrawn, firstAgentReplyAt: t0 }))).toBe("answered");
    expect(outcomeOf(chat({ ...withdrawn, hadAgent: true, closeReason: "spam" }))).toBe("missed");
  });
});

describe("computeStats: chats", () => {
  // A site on UTC; now is Monday 30 November 2026, 18:00.
  const now = at("2026-11-30T18:00:00Z");
  const t = (h: number, plusMs = 0) => at("2026-11-30T09:00:00Z", h * H + plusMs);
  const chats: ChatRow[] = [
    // Answered, waits 30, 60, 90 and 120 s; three closed, after 10, 20 and 30 min.
    chat({
      createdAt: t(0),
      status: "closed",
      assignee: ana,
      firstAgentReplyAt: t(0, 30 * S),
      closedAt: t(0, 10 * MIN),
    }),
    chat({
      createdAt: t(1),
      status: "closed",
      assignee: ben,
      firstAgentReplyAt: t(1, 60 * S),
      closedAt: t(1, 20 * MIN),
    }),
    chat({
      createdAt: t(2),
      status: "closed",
      assignee: ana,
      firstAgentReplyAt: t(2, 90 * S),
      closedAt: t(2, 30 * MIN),
    }),
    chat({ createdAt: t(3), status: "active", assignee: ana, firstAgentReplyAt: t(3, 120 * S) }),
    // Missed: Ben had it and closed it after 5 min without a word. Waiting: declined twice, still queued.
    chat({ createdAt: t(4), status: "closed", assignee: ben, closedAt: t(4, 5 * MIN) }),
    chat({ createdAt: t(5), status: "queued", declinedCount: 2 }),
    // Abandoned: nobody had it, closed after 2 min in the queue.
    chat({ createdAt: t(6), status: "closed", closedAt: t(6, 2 * MIN) }),
    // Waiting in the queue.
    chat({ createdAt: t(7), status: "queued" }),
    // After now (a clock behind the database's) and yesterday: not in today's range.
    chat({ createdAt: at("2026-11-30T18:00:01Z"), status: "queued" }),
    chat({ createdAt: at("2026-11-29T23:59:59Z"), status: "closed", assignee: ben, firstAgentReplyAt: t(-9) }),
  ];

  it("should count outcomes, reply waits, durations and chats per agent", () => {
    const stats = computeStats(statsWindow("today", "UTC", now), chats, []);
    expect(stats).toEqual({
      range: "today",
      timeZone: "UTC",
      from: "2026-11-30T00:00:00.000Z",
      to: "2026-11-30T18:00:00.000Z",
      chats: { started: 8, answered: 4, missed: 1, abandoned: 1, waiting: 2 },
      // [30, 60, 90, 120]: median (60 + 90) / 2 = 75, 90th percentile the ⌈3.6⌉ = 4th, 120.
      firstReplyWaitSeconds: { median: 75, p90: 120 },
      // Closed: [120, 300, 600, 1200, 1800] s, median the 3rd.
      medianDurationSeconds: 600,
      // Ana had the 1st, 3rd and 4th; Ben the 2nd and 5th (answered or not).
      perAgent: [
        { agent: ana, chats: 3, satisfaction: UNRATED },
        { agent: ben, chats: 2, satisfaction: UNRATED },
      ],
      ticketsByPriority: { critical: 0, high: 0, medium: 0, low: 0 },
      slaCompliance: { response: null, workaround: null },
      days: [{ date: "2026-11-30", started: 8, answered: 4, missed: 1, abandoned: 1, satisfaction: UNRATED }],
      satisfaction: UNRATED,
    });
  });

  it("should give nulls, zeros and no agents for a day without chats", () => {
    const stats = computeStats(statsWindow("today", "UTC", now), [], []);
    expect(stats.chats).toEqual({ started: 0, answered: 0, missed: 0, abandoned: 0, waiting: 0 });
    expect(stats.firstReplyWaitSeconds).toBeNull();
    expect(stats.medianDurationSeconds).toBeNull();
    expect(stats.perAgent).toEqual([]);
    expect(stats.days).toEqual([
      { date: "2026-11-30", started: 0, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
    ]);
  });

  it("should give CSAT as good / (good + bad) to one decimal, per day and per agent", () => {
    const closed = { status: "closed" as const, closedAt: t(5) };
    const stats = computeStats(
      statsWindow("today", "UTC", now),
      [
        chat({ createdAt: t(0), ...closed, assignee: ana, rating: "good" }),
        chat({ createdAt: t(1), ...closed, assignee: ana, rating: "good" }),
        chat({ createdAt: t(2), ...closed, assignee: ana, rating: "bad" }),
        // Not rated, and rated without an agent (abandoned in the queue): only the latter counts, site-wide.
        chat({ createdAt: t(3), ...closed, assignee: ben, rating: null }),
        chat({ createdAt: t(4), ...closed, rating: "bad" }),
        // Yesterday: not in today's range.
        chat({ createdAt: at("2026-11-29T12:00:00Z"), ...closed, assignee: ben, rating: "good" }),
      ],
      [],
    );
    expect(stats.satisfaction).toEqual({ good: 2, bad: 2, csat: 50 });
    expect(stats.days[0]?.satisfaction).toEqual({ good: 2, bad: 2, csat: 50 });
    expect(stats.perAgent).toEqual([
      { agent: ana, chats: 3, satisfaction: { good: 2, bad: 1, csat: 66.7 } },
      { agent: ben, chats: 1, satisfaction: UNRATED },
    ]);
  });

  it("should round seconds to whole ones and sort agents with as many chats by name", () => {
    const zoe = { id: "c0000000000000000000000c", name: "Zoe" };
    const stats = computeStats(
      statsWindow("today", "UTC", now),
      [
        // Waits 1.4 s and 2.7 s: median 2.05 s → 2, p90 the 2nd, 2.7 s → 3.
        chat({ createdAt: t(0), status: "active", assignee: zoe, firstAgentReplyAt: t(0, 1400) }),
        chat({ createdAt: t(1), status: "active", assignee: ana, firstAgentReplyAt: t(1, 2700) }),
        // Ben renamed himself between two chats: the latest name is shown.
        chat({ createdAt: t(2), status: "active", assignee: ben }),
        chat({ createdAt: t(3), status: "active", assignee: { id: ben.id, name: "Benjamin" } }),
      ],
      [],
    );
    expect(stats.firstReplyWaitSeconds).toEqual({ median: 2, p90: 3 });
    expect(stats.perAgent).toEqual([
      { agent: { id: ben.id, name: "Benjamin" }, chats: 2, satisfaction: UNRATED },
      { agent: ana, chats: 1, satisfaction: UNRATED },
      { agent: zoe, chats: 1, satisfaction: UNRATED },
    ]);
  });

  it("should put each chat on its local day, on either side of the site's midnight", () => {
    // New York in late November is UTC-5: Monday 30 November starts at 05:00 UTC. Now is 10:00 there.
    const nyNow = at("2026-11-30T15:00:00Z");
    const rows = [
      chat({ createdAt: at("2026-11-30T04:59:59Z"), status: "closed", closedAt: at("2026-11-30T05:10:00Z") }), // Sun 23:59:59
      chat({ createdAt: at("2026-11-30T05:00:00Z"), status: "queued" }), // Mon 00:00:00
      chat({ createdAt: at("2026-11-30T02:00:00Z"), status: "closed", assignee: ana }), // Sun 21:00: UTC says Monday
      chat({
        createdAt: at("2026-11-24T05:00:00Z"),
        status: "closed",
        assignee: ana,
        firstAgentReplyAt: at("2026-11-24T05:01:00Z"),
      }), // Tue 24th 00:00, first day of 7
      chat({ createdAt: at("2026-11-24T04:59:59Z"), status: "closed" }), // Mon 23rd: out of the 7 days
    ];
    const today = computeStats(statsWindow("today", "America/New_York", nyNow), rows, []);
    expect(today.from).toBe("2026-11-30T05:00:00.000Z");
    expect(today.chats).toEqual({ started: 1, answered: 0, missed: 0, abandoned: 0, waiting: 1 });
    expect(today.days).toEqual([
      { date: "2026-11-30", started: 1, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
    ]);

    const week = computeStats(statsWindow("7d", "America/New_York", nyNow), rows, []);
    expect(week.from).toBe("2026-11-24T05:00:00.000Z");
    expect(week.chats).toEqual({ started: 4, answered: 1, missed: 1, abandoned: 1, waiting: 1 });
    expect(week.days).toEqual([
      { date: "2026-11-24", started: 1, answered: 1, missed: 0, abandoned: 0, satisfaction: UNRATED },
      { date: "2026-11-25", started: 0, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
      { date: "2026-11-26", started: 0, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
      { date: "2026-11-27", started: 0, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
      { date: "2026-11-28", started: 0, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
      { date: "2026-11-29", started: 2, answered: 0, missed: 1, abandoned: 1, satisfaction: UNRATED },
      { date: "2026-11-30", started: 1, answered: 0, missed: 0, abandoned: 0, satisfaction: UNRATED },
    ]);
    // The abandoned chat of Sunday 23:59:59 took 10 min 1 s to close; the only closed chat with a closedAt.
    expect(week.medianDurationSeconds).toBe(601);
  });
});

describe("computeStats: tickets", () => {
  // UTC, open around the clock: working time is wall time. Now is Monday 30 November 2026, 18:00.
  const now = at("2026-11-30T18:00:00Z");
  const clock = (startedAt: string, targetMs: number, over: Partial<SlaClock> = {}): SlaClock => ({
    startedAt: at(startedAt),
    targetMs,
    pauses: [],
    metAt: null,
    ...over,
  });
  // The fates are worked out as the ledger does when a ticket is written: here, as of now, on the site's calendar.
  const ticket = (
    createdAt: string,
    priority: TicketRow["priority"],
    response: SlaClock,
    workaround: SlaClock | null,
    calendar: SupportCalendar = ALWAYS_OPEN,
  ) =>
    ({
      createdAt: at(createdAt),
      priority,
      response: fateOf(calendar, response, now),
      workaround: workaround ? fateOf(calendar, workaround, now) : null,
    }) satisfies TicketRow;

  const tickets: TicketRow[] = [
    // Response met after 1 h of 8: on time. Workaround: 9 h of 24 used, running, undecided.
    ticket(
      "2026-11-30T09:00:00Z",
      "critical",
      clock("2026-11-30T09:00:00Z", 8 * H, { metAt: at("2026-11-30T10:00:00Z") }),
      clock("2026-11-30T09:00:00Z", 24 * H),
    ),
    // Nothing met: 9 h used of 8 (response) and of 4 (workaround): both breached.
    ticket("2026-11-30T09:00:00Z", "high", clock("2026-11-30T09:00:00Z", 8 * H), clock("2026-11-30T09:00:00Z", 4 * H)),
    // Response met after 8 h 15 min of 8: late. Workaround met after 30 min of 1 h: on time.
    ticket(
      "2026-11-30T09:30:00Z",
      "medium",
      clock("2026-11-30T09:30:00Z", 8 * H, { metAt: at("2026-11-30T17:45:00Z") }),
      clock("2026-11-30T09:30:00Z", 1 * H, { metAt: at("2026-11-30T10:00:00Z") }),
    ),
    // 6 h used of 8, no workaround target: at risk, undecided.
    ticket("2026-11-30T12:00:00Z", "critical", clock("2026-11-30T12:00:00Z", 8 * H), null),
    // Waiting on the customer since 09:30 after 30 min of 2 h: paused, undecided.
    ticket(
      "2026-11-30T09:00:00Z",
      "low",
      clock("2026-11-30T09:00:00Z", 2 * H, { pauses: [{ from: at("2026-11-30T09:30:00Z"), to: null }] }),
      null,
    ),
    // Yesterday: response met after 1 h of 8, on time. Only in the 7 days.
    ticket(
      "2026-11-29T12:00:00Z",
      "critical",
      clock("2026-11-29T12:00:00Z", 8 * H, { metAt: at("2026-11-29T13:00:00Z") }),
      null,
    ),
  ];

  it("should count tickets by priority and the share of decided targets met on time", () => {
    const today = computeStats(statsWindow("today", "UTC", now), [], tickets);
    expect(today.ticketsByPriority).toEqual({ critical: 2, high: 1, medium: 1, low: 1 });
    // Response decided: on time, breached, late → 1 of 3 = 33.3 %. Workaround: breached, on time → 50 %.
    expect(today.slaCompliance).toEqual({ response: 33.3, workaround: 50 });

    const week = computeStats(statsWindow("7d", "UTC", now), [], tickets);
    expect(week.ticketsByPriority).toEqual({ critical: 3, high: 1, medium: 1, low: 1 });
    // Yesterday's on-time response joins: 2 of 4 = 50 %.
    expect(week.slaCompliance).toEqual({ response: 50, workaround: 50 });
  });

  it("should give null compliance when no target is decided yet", () => {
    const [, , , atRisk, paused] = tickets as [TicketRow, TicketRow, TicketRow, TicketRow, TicketRow];
    const stats = computeStats(statsWindow("today", "UTC", now), [], [atRisk, paused]);
    expect(stats.slaCompliance).toEqual({ response: null, workaround: null });
  });

  it("should read targets in the site's working hours", () => {
    // Weekdays 09:00-17:00 in London (GMT in November). Created Friday 27th at 16:00 with a 2-hour response
    // target, answered Monday 30th at 09:30: 1 h Friday + 30 min Monday = 1 h 30 min of working time, on
    // time, though 65 h 30 min passed. Another, answered Monday at 10:30, used 2 h 30 min: late.
    const weekday = (day: string) => ({ day, start: "09:00", end: "17:00", endsNextDay: false });
    const office = {
      timeZone: "Europe/London",
      weekly: ["mon", "tue", "wed", "thu", "fri"].map(weekday),
      closedDates: [],
      extraOpenings: [],
    } as SupportCalendar;
    const friday = "2026-11-27T16:00:00Z";
    const rows = [
      ticket(friday, "high", clock(friday, 2 * H, { metAt: at("2026-11-30T09:30:00Z") }), null, office),
      ticket(friday, "high", clock(friday, 2 * H, { metAt: at("2026-11-30T10:30:00Z") }), null, office),
    ];
    const stats = computeStats(statsWindow("7d", "Europe/London", now), [], rows);
    expect(stats.slaCompliance).toEqual({ response: 50, workaround: null });
  });
});
