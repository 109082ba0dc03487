import { POLICY_CALENDAR, type Priority, STANDARD_SLA_PLAN, type SupportCalendar } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { fateOf, readSla, type SlaClock } from "../sla-clock.ts";
import { targetMs } from "../working-day.ts";

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

function clock(start: string, target: number, extra: Partial<SlaClock> = {}): SlaClock {
  return { startedAt: at(start), targetMs: target, pauses: [], metAt: null, ...extra };
}

function due(cal: SupportCalendar, start: string, priority: Priority, kind: "response" | "workaround"): string | null {
  const target = STANDARD_SLA_PLAN.targets[priority][kind];
  if (!target) return null;
  return readSla(cal, clock(start, targetMs(target, cal)), at(start)).dueAt?.toISOString() ?? null;
}

// The policy's hours: Monday to Friday, 05:00 to 02:00 the next day, GMT. A working day is 21 hours.
// 2026-11-24 is a Tuesday.
describe("the policy's table, for a ticket opened on Tuesday at 10:00", () => {
  const start = "2026-11-24T10:00:00.000Z";
  it.each([
    ["critical", "response", "2026-11-24T18:00:00.000Z"], // 8 working hours
    ["critical", "workaround", "2026-11-27T10:00:00.000Z"], // 3 working days: Friday, same time
    ["high", "response", "2026-11-24T22:00:00.000Z"], // 12 working hours
    ["high", "workaround", "2026-12-01T10:00:00.000Z"], // 5 working days, over the weekend
    ["medium", "response", "2026-11-25T13:00:00.000Z"], // 24 working hours: 16 on Tuesday, 8 on Wednesday
    ["medium", "workaround", "2026-12-15T10:00:00.000Z"], // 15 working days: three weeks on
    ["low", "response", "2026-11-26T10:00:00.000Z"], // 2 working days
    ["low", "workaround", null], // no workaround target
  ] as const)("%s %s is due at %s", (priority, kind, expected) => {
    expect(due(POLICY_CALENDAR, start, priority, kind)).toBe(expected);
  });
});

describe("tickets opened outside support hours", () => {
  it("should start counting at Monday's opening for a ticket opened on Saturday", () => {
    expect(due(POLICY_CALENDAR, "2026-11-28T12:00:00.000Z", "critical", "response")).toBe("2026-11-30T13:00:00.000Z");
  });

  it("should start counting at 05:00 for a ticket opened in the 02:00–05:00 gap", () => {
    expect(due(POLICY_CALENDAR, "2026-11-25T03:00:00.000Z", "critical", "response")).toBe("2026-11-25T13:00:00.000Z");
  });

  it("should count only unused time while support is closed, across a weekend and a Monday holiday", () => {
    const withHoliday: SupportCalendar = { ...POLICY_CALENDAR, closedDates: [{ date: "2026-11-30" }] };
    // Friday 20:00 + 12 h: 6 h to Saturday 02:00, Monday is closed, Tuesday 05:00 + 6 h.
    expect(due(withHoliday, "2026-11-27T20:00:00.000Z", "high", "response")).toBe("2026-12-01T11:00:00.000Z");
    expect(due(POLICY_CALENDAR, "2026-11-27T20:00:00.000Z", "high", "response")).toBe("2026-11-30T11:00:00.000Z");
  });
});

describe("waiting on the customer", () => {
  const start = "2026-11-24T10:00:00.000Z";

  it("should pause the clock and leave the due time open while the customer is being waited on", () => {
    const waiting = clock(start, 8 * H, { pauses: [{ from: at("2026-11-24T12:00:00Z"), to: null }] });
    const reading = readSla(POLICY_CALENDAR, waiting, at("2026-11-24T13:00:00Z"));
    expect(reading).toMatchObject({ state: "paused", usedMs: 2 * H, leftMs: 6 * H, dueAt: null, atRiskAt: null });
  });

  it("should resume with the time the pause took added to the due time", () => {
    const resumed = clock(start, 8 * H, {
      pauses: [{ from: at("2026-11-24T12:00:00Z"), to: at("2026-11-24T15:00:00Z") }],
    });
    const reading = readSla(POLICY_CALENDAR, resumed, at("2026-11-24T16:00:00Z"));
    expect(reading.usedMs).toBe(3 * H);
    expect(reading.dueAt?.toISOString()).toBe("2026-11-24T21:00:00.000Z");
    expect(reading.state).toBe("running");
  });

  it("should take only working time off for a pause that spans the night", () => {
    // Paused 23:00 → 07:00 next day: 3 working hours to 02:00, 2 from 05:00. The clock resumes at 07:00 with
    // 13 h used (10:00 → 23:00), so 8 h of a 21 h target are left: due 15:00.
    const overnight = clock(start, 21 * H, {
      pauses: [{ from: at("2026-11-24T23:00:00Z"), to: at("2026-11-25T07:00:00Z") }],
    });
    const reading = readSla(POLICY_CALENDAR, overnight, at("2026-11-25T07:00:00Z"));
    expect(reading.usedMs).toBe(13 * H);
    expect(reading.dueAt?.toISOString()).toBe("2026-11-25T15:00:00.000Z");
  });
});

describe("daylight saving time in the site's zone", () => {
  // Berlin office hours; clocks go forward on Sunday 2026-03-29, so Monday 09:00 is 07:00Z, not 08:00Z.
  const berlin: SupportCalendar = {
    timeZone: "Europe/Berlin",
    weekly: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({
      day,
      start: "09:00",
      end: "17:00",
      endsNextDay: false,
    })),
    closedDates: [],
    extraOpenings: [],
  };

  it("should count working hours by the local clock across the change", () => {
    // Friday 15:00 CET (14:00Z): 2 h that day, then Monday 09:00 CEST (07:00Z) + 6 h.
    expect(due(berlin, "2026-03-27T14:00:00.000Z", "critical", "response")).toBe("2026-03-30T13:00:00.000Z");
  });

  it("should make a working day 8 hours on an office calendar", () => {
    // 3 working days = 24 h: Friday 2, Monday 8, Tuesday 8, Wednesday 6 → 15:00 CEST.
    expect(due(berlin, "2026-03-27T14:00:00.000Z", "critical", "workaround")).toBe("2026-04-01T13:00:00.000Z");
  });
});

describe("at risk and breached", () => {
  const eightHours = clock("2026-11-24T10:00:00.000Z", 8 * H);
  const read = (iso: string) => readSla(POLICY_CALENDAR, eightHours, at(iso));

  it("should run below 75% of the target and say when it turns at risk", () => {
    const reading = read("2026-11-24T15:59:59.000Z");
    expect(reading.state).toBe("running");
    expect(reading.atRiskAt?.toISOString()).toBe("2026-11-24T16:00:00.000Z");
  });

  it("should be at risk from 75% used", () => {
    expect(read("2026-11-24T16:00:00.000Z")).toMatchObject({ state: "at_risk", usedMs: 6 * H, atRiskAt: null });
    expect(read("2026-11-24T17:59:59.000Z").state).toBe("at_risk");
  });

  it("should be breached at 100% and count the overrun", () => {
    expect(read("2026-11-24T18:00:00.000Z")).toMatchObject({ state: "breached", leftMs: 0 });
    expect(read("2026-11-24T19:30:00.000Z")).toMatchObject({ state: "breached", leftMs: -1.5 * H });
  });

  it("should stop at the time the target is met, and say whether that was late", () => {
    const onTime = readSla(
      POLICY_CALENDAR,
      { ...eightHours, metAt: at("2026-11-24T17:00:00Z") },
      at("2026-11-25T09:00:00Z"),
    );
    expect(onTime).toMatchObject({ state: "met", usedMs: 7 * H, metLate: false, dueAt: null });
    const late = readSla(
      POLICY_CALENDAR,
      { ...eightHours, metAt: at("2026-11-24T19:00:00Z") },
      at("2026-11-25T09:00:00Z"),
    );
    expect(late).toMatchObject({ state: "met", metLate: true });
  });
});

describe("fateOf", () => {
  // Policy hours (05:00 → 02:00 GMT on weekdays): a fate worked out when a ticket is written must decide, at any
  // later instant, exactly what readSla decides then, as long as the ticket is not written again.
  const start = new Date("2026-11-02T10:00:00Z"); // a Monday
  const clocks: Array<[string, SlaClock]> = [
    ["running", { startedAt: start, targetMs: 8 * H, pauses: [], metAt: null }],
    ["met on time", { startedAt: start, targetMs: 8 * H, pauses: [], metAt: new Date(start.getTime() + 2 * H) }],
    ["met late", { startedAt: start, targetMs: 2 * H, pauses: [], metAt: new Date(start.getTime() + 30 * H) }],
    [
      "paused early",
      { startedAt: start, targetMs: 8 * H, pauses: [{ from: new Date(start.getTime() + H), to: null }], metAt: null },
    ],
    [
      "resumed",
      {
        startedAt: start,
        targetMs: 8 * H,
        pauses: [{ from: new Date(start.getTime() + H), to: new Date(start.getTime() + 20 * H) }],
        metAt: null,
      },
    ],
  ];
  const decided = (state: string) => state === "met" || state === "breached";
  it.each(clocks)("should decide a %s target as readSla does, at every later hour", (_name, clock) => {
    const writtenAt = new Date(start.getTime() + 3 * H);
    const writtenAfter = (clock.metAt?.getTime() ?? 0) > writtenAt.getTime() ? (clock.metAt as Date) : writtenAt;
    const fate = fateOf(POLICY_CALENDAR, clock, writtenAfter);
    for (let h = 0; h < 24 * 7; h++) {
      const now = new Date(writtenAfter.getTime() + h * H);
      const reading = readSla(POLICY_CALENDAR, clock, now);
      const byFate =
        fate.kind === "met" ? "met" : fate.breachAt && fate.breachAt.getTime() <= now.getTime() ? "breached" : "open";
      expect(byFate === "met" || byFate === "breached").toBe(decided(reading.state));
      if (fate.kind === "met") expect(fate.late).toBe(reading.metLate);
    }
  });
});
