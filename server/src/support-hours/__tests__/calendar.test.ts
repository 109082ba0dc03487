import { SupportCalendar } from "@parley/shared";
import { describe, expect, it } from "vitest";
import {
  addWorkingTime,
  currentOrNextOpening,
  isOpen,
  nextOpeningTime,
  openIntervals,
  workingMsBetween,
} from "../calendar.ts";

// Expected instants below are worked out by hand. The reference week is Monday 2026-06-01 to Sunday
// 2026-06-07; the next Monday is 2026-06-08.
const H = 3_600_000;
const at = (iso: string) => new Date(iso);
const span = (start: string, end: string) => ({ start: at(start), end: at(end) });

type Fixture = Partial<Pick<SupportCalendar, "closedDates" | "extraOpenings">>;
const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;

/** Mon–Fri 05:00 → 02:00 next day in UTC: the support policy as written (see POLICY_CALENDAR). */
const overnight = (more: Fixture = {}) =>
  SupportCalendar.parse({
    timeZone: "UTC",
    weekly: weekdays.map((day) => ({ day, start: "05:00", end: "02:00", endsNextDay: true })),
    closedDates: [],
    extraOpenings: [],
    ...more,
  });

const berlinOffice = SupportCalendar.parse({
  timeZone: "Europe/Berlin",
  weekly: weekdays.map((day) => ({ day, start: "09:00", end: "17:00" })),
  closedDates: [],
  extraOpenings: [],
});

const newYorkExtra = (date: string, start: string, end: string) =>
  SupportCalendar.parse({
    timeZone: "America/New_York",
    weekly: [],
    closedDates: [],
    extraOpenings: [{ date, start, end }],
  });

describe("a range crossing midnight", () => {
  const cal = overnight();

  it("should stay open past midnight until the range ends (Mon 05:00 → Tue 02:00)", () => {
    expect(isOpen(cal, at("2026-06-02T01:30Z"))).toBe(true);
    expect(isOpen(cal, at("2026-06-02T02:00Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-02T04:59Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-02T05:00Z"))).toBe(true);
  });

  it("should be closed on Monday before 05:00, since no range starts on Sunday", () => {
    expect(isOpen(cal, at("2026-06-01T00:30Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-01T04:59:59.999Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-01T05:00Z"))).toBe(true);
  });

  it("should close on Saturday 02:00 after Friday's range and open next on Monday 05:00", () => {
    expect(isOpen(cal, at("2026-06-06T01:59Z"))).toBe(true);
    expect(isOpen(cal, at("2026-06-06T02:00Z"))).toBe(false);
    expect(nextOpeningTime(cal, at("2026-06-06T12:00Z"))).toEqual(at("2026-06-08T05:00Z"));
  });

  it("should list the week's openings, each from its day's 05:00 to the next day's 02:00", () => {
    expect(openIntervals(cal, at("2026-06-01T00:00Z"), at("2026-06-08T00:00Z"))).toEqual([
      span("2026-06-01T05:00Z", "2026-06-02T02:00Z"),
      span("2026-06-02T05:00Z", "2026-06-03T02:00Z"),
      span("2026-06-03T05:00Z", "2026-06-04T02:00Z"),
      span("2026-06-04T05:00Z", "2026-06-05T02:00Z"),
      span("2026-06-05T05:00Z", "2026-06-06T02:00Z"),
    ]);
  });

  it("should clip the openings to the span asked for", () => {
    expect(openIntervals(cal, at("2026-06-02T01:00Z"), at("2026-06-02T06:00Z"))).toEqual([
      span("2026-06-02T01:00Z", "2026-06-02T02:00Z"),
      span("2026-06-02T05:00Z", "2026-06-02T06:00Z"),
    ]);
    expect(openIntervals(cal, at("2026-06-02T06:00Z"), at("2026-06-02T01:00Z"))).toEqual([]);
  });
});

describe("closed dates", () => {
  it("should cancel only the range that starts on the closed date", () => {
    const cal = overnight({ closedDates: [{ date: "2026-06-03", note: "Company day" }] });
    expect(openIntervals(cal, at("2026-06-02T00:00Z"), at("2026-06-05T00:00Z"))).toEqual([
      span("2026-06-02T00:00Z", "2026-06-02T02:00Z"),
      span("2026-06-02T05:00Z", "2026-06-03T02:00Z"), // Tuesday's range runs into the holiday
      span("2026-06-04T05:00Z", "2026-06-05T00:00Z"),
    ]);
    expect(isOpen(cal, at("2026-06-04T01:00Z"))).toBe(false); // Wednesday's range, small hours included
  });

  it("should cancel a Monday holiday's range whole, Tuesday's small hours included", () => {
    const cal = overnight({ closedDates: [{ date: "2026-06-08" }] });
    expect(isOpen(cal, at("2026-06-08T12:00Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-09T01:00Z"))).toBe(false);
    expect(nextOpeningTime(cal, at("2026-06-06T12:00Z"))).toEqual(at("2026-06-09T05:00Z"));
  });

  it("should let the previous day's range run into a closed date until it ends", () => {
    const cal = overnight({ closedDates: [{ date: "2026-06-02" }] });
    expect(isOpen(cal, at("2026-06-02T01:59Z"))).toBe(true);
    expect(isOpen(cal, at("2026-06-02T06:00Z"))).toBe(false);
  });
});

describe("extra openings", () => {
  it("should open for arranged weekend support on Saturday 10:00–14:00", () => {
    const cal = overnight({
      extraOpenings: [{ date: "2026-06-06", start: "10:00", end: "14:00", endsNextDay: false }],
    });
    expect(isOpen(cal, at("2026-06-06T09:59Z"))).toBe(false);
    expect(isOpen(cal, at("2026-06-06T10:00Z"))).toBe(true);
    expect(isOpen(cal, at("2026-06-06T13:59Z"))).toBe(true);
    expect(isOpen(cal, at("2026-06-06T14:00Z"))).toBe(false);
    expect(nextOpeningTime(cal, at("2026-06-06T02:00Z"))).toEqual(at("2026-06-06T10:00Z"));
  });

  it("should merge an extra opening with an overlapping overnight range, never counting twice", () => {
    const cal = overnight({
      extraOpenings: [
        { date: "2026-06-06", start: "01:00", end: "03:00", endsNextDay: false },
        { date: "2026-06-06", start: "10:00", end: "14:00", endsNextDay: false },
      ],
    });
    expect(openIntervals(cal, at("2026-06-05T04:00Z"), at("2026-06-07T00:00Z"))).toEqual([
      span("2026-06-05T05:00Z", "2026-06-06T03:00Z"),
      span("2026-06-06T10:00Z", "2026-06-06T14:00Z"),
    ]);
    // Fri 05:00 → Sat 03:00 is 22 h, plus 4 h; adding the ranges separately would say 21 + 2 + 4 = 27 h.
    expect(workingMsBetween(cal, at("2026-06-05T04:00Z"), at("2026-06-07T00:00Z"))).toBe(26 * H);
  });

  it("should open on a closed date when an extra opening is arranged for it", () => {
    const cal = overnight({
      closedDates: [{ date: "2026-06-03" }],
      extraOpenings: [{ date: "2026-06-03", start: "10:00", end: "14:00", endsNextDay: false }],
    });
    expect(openIntervals(cal, at("2026-06-03T00:00Z"), at("2026-06-04T00:00Z"))).toEqual([
      span("2026-06-03T00:00Z", "2026-06-03T02:00Z"),
      span("2026-06-03T10:00Z", "2026-06-03T14:00Z"),
    ]);
  });
});

describe("daylight saving time", () => {
  it("should open an hour earlier in UTC on the Monday after Europe/Berlin springs forward (2026-03-29)", () => {
    expect(openIntervals(berlinOffice, at("2026-03-27T00:00Z"), at("2026-03-31T00:00Z"))).toEqual([
      span("2026-03-27T08:00Z", "2026-03-27T16:00Z"), // 09:00–17:00 CET, UTC+1
      span("2026-03-30T07:00Z", "2026-03-30T15:00Z"), // 09:00–17:00 CEST, UTC+2
    ]);
  });

  it("should open an hour later in UTC on the Monday after Europe/Berlin falls back (2026-10-25)", () => {
    expect(openIntervals(berlinOffice, at("2026-10-23T00:00Z"), at("2026-10-27T00:00Z"))).toEqual([
      span("2026-10-23T07:00Z", "2026-10-23T15:00Z"),
      span("2026-10-26T08:00Z", "2026-10-26T16:00Z"),
    ]);
  });

  it("should count 01:00–04:00 on the New York spring-forward night (2026-03-08) as 2 hours", () => {
    const cal = newYorkExtra("2026-03-08", "01:00", "04:00");
    // 01:00 EST is 06:00Z; 04:00 EDT is 08:00Z.
    expect(openIntervals(cal, at("2026-03-07T00:00Z"), at("2026-03-10T00:00Z"))).toEqual([
      span("2026-03-08T06:00Z", "2026-03-08T08:00Z"),
    ]);
    expect(workingMsBetween(cal, at("2026-03-07T00:00Z"), at("2026-03-10T00:00Z"))).toBe(2 * H);
  });

  it("should count 01:00–04:00 on the New York fall-back night (2026-11-01) as 4 hours", () => {
    const cal = newYorkExtra("2026-11-01", "01:00", "04:00");
    // 01:00 is read twice; its first occurrence is 01:00 EDT = 05:00Z. 04:00 EST is 09:00Z.
    expect(openIntervals(cal, at("2026-10-31T00:00Z"), at("2026-11-03T00:00Z"))).toEqual([
      span("2026-11-01T05:00Z", "2026-11-01T09:00Z"),
    ]);
    expect(workingMsBetween(cal, at("2026-10-31T00:00Z"), at("2026-11-03T00:00Z"))).toBe(4 * H);
  });

  it("should start a range whose start the clock skips at the first instant after the gap", () => {
    // 02:30 does not exist on 2026-03-08 in New York: the clock goes 01:59:59 EST → 03:00 EDT (07:00Z).
    const cal = newYorkExtra("2026-03-08", "02:30", "05:00");
    expect(openIntervals(cal, at("2026-03-08T00:00Z"), at("2026-03-09T00:00Z"))).toEqual([
      span("2026-03-08T07:00Z", "2026-03-08T09:00Z"),
    ]);
  });

  it("should drop a range that lies wholly inside the spring-forward gap", () => {
    const cal = newYorkExtra("2026-03-08", "02:00", "02:30");
    expect(openIntervals(cal, at("2026-03-08T00:00Z"), at("2026-03-09T00:00Z"))).toEqual([]);
  });

  it("should start a range at a repeated time at its first occurrence", () => {
    // 01:30 EDT is 05:30Z (01:30 EST, an hour later, is not used); 03:00 EST is 08:00Z.
    const cal = newYorkExtra("2026-11-01", "01:30", "03:00");
    expect(openIntervals(cal, at("2026-11-01T00:00Z"), at("2026-11-02T00:00Z"))).toEqual([
      span("2026-11-01T05:30Z", "2026-11-01T08:00Z"),
    ]);
  });

  it("should merge touching ranges into one opening, a day short of an hour in the spring-forward week", () => {
    const allWeek = SupportCalendar.parse({
      timeZone: "Europe/Berlin",
      weekly: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => ({
        day,
        start: "00:00",
        end: "00:00",
        endsNextDay: true,
      })),
      closedDates: [],
      extraOpenings: [],
    });
    // Monday 2026-03-23 00:00 CET to Monday 2026-03-30 00:00 CEST: one opening of 7 × 24 h − 1 h.
    expect(openIntervals(allWeek, at("2026-03-22T23:00Z"), at("2026-03-29T22:00Z"))).toEqual([
      span("2026-03-22T23:00Z", "2026-03-29T22:00Z"),
    ]);
    expect(workingMsBetween(allWeek, at("2026-03-22T23:00Z"), at("2026-03-29T22:00Z"))).toBe(167 * H);
  });

  it("should agree with the Berlin wall clock every quarter hour around both 2026 changes", () => {
    // An oracle of its own: read the local weekday and time through Intl and apply "Mon–Fri, 09:00 ≤ t < 17:00".
    const clock = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Berlin",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const localOpen = (t: Date) => {
      const [weekday, time] = clock.format(t).split(" ") as [string, string];
      return !["Sat", "Sun"].includes(weekday) && time >= "09:00" && time < "17:00";
    };
    for (const [from, to] of [
      ["2026-03-23T00:00Z", "2026-04-04T00:00Z"],
      ["2026-10-19T00:00Z", "2026-10-31T00:00Z"],
    ] as const) {
      let openQuarters = 0;
      for (let t = at(from).getTime(); t < at(to).getTime(); t += H / 4) {
        expect(isOpen(berlinOffice, new Date(t)), new Date(t).toISOString()).toBe(localOpen(new Date(t)));
        if (localOpen(new Date(t))) openQuarters++;
      }
      expect(workingMsBetween(berlinOffice, at(from), at(to))).toBe(openQuarters * (H / 4));
    }
  });
});

describe("the next opening", () => {
  const cal = overnight();

  it("should be `from` itself when support is open, with the opening running to its end", () => {
    expect(nextOpeningTime(cal, at("2026-06-02T10:00Z"))).toEqual(at("2026-06-02T10:00Z"));
    expect(currentOrNextOpening(cal, at("2026-06-02T10:00Z"))).toEqual(span("2026-06-02T10:00Z", "2026-06-03T02:00Z"));
  });

  it("should be the next start when support is closed, including at the very instant it closes", () => {
    expect(nextOpeningTime(cal, at("2026-06-02T03:00Z"))).toEqual(at("2026-06-02T05:00Z"));
    expect(currentOrNextOpening(cal, at("2026-06-06T02:00Z"))).toEqual(span("2026-06-08T05:00Z", "2026-06-09T02:00Z"));
  });

  it("should be null when nothing opens within the horizon", () => {
    const far = SupportCalendar.parse({
      timeZone: "UTC",
      weekly: [],
      closedDates: [],
      extraOpenings: [{ date: "2027-09-01", start: "10:00", end: "12:00" }],
    });
    expect(nextOpeningTime(far, at("2026-06-01T00:00Z"))).toBeNull();
    expect(nextOpeningTime(far, at("2026-06-01T00:00Z"), 500)).toEqual(at("2027-09-01T10:00Z"));
    expect(currentOrNextOpening(SupportCalendar.parse({ ...far, extraOpenings: [] }), at("2026-06-01T00:00Z"))).toBe(
      null,
    );
  });
});

describe("working time", () => {
  const cal = overnight();

  it("should make Friday 20:00 + 8 working hours Monday 07:00", () => {
    // Fri 20:00 → Sat 02:00 is 6 h; the other 2 h run from Mon 05:00.
    expect(addWorkingTime(cal, at("2026-06-05T20:00Z"), 8 * H)).toEqual(at("2026-06-08T07:00Z"));
    expect(workingMsBetween(cal, at("2026-06-05T20:00Z"), at("2026-06-08T07:00Z"))).toBe(8 * H);
  });

  it("should start counting at the next opening when support is closed", () => {
    expect(addWorkingTime(cal, at("2026-06-06T12:00Z"), 1 * H)).toEqual(at("2026-06-08T06:00Z"));
    expect(addWorkingTime(cal, at("2026-06-06T12:00Z"), 0)).toEqual(at("2026-06-08T05:00Z"));
    expect(addWorkingTime(cal, at("2026-06-02T10:00Z"), 0)).toEqual(at("2026-06-02T10:00Z"));
  });

  it("should end at the close itself when the time runs out exactly there", () => {
    expect(addWorkingTime(cal, at("2026-06-05T20:00Z"), 6 * H)).toEqual(at("2026-06-06T02:00Z"));
  });

  it("should count a whole week as 5 × 21 hours, and nothing over an empty or reversed span", () => {
    expect(workingMsBetween(cal, at("2026-06-01T00:00Z"), at("2026-06-08T00:00Z"))).toBe(105 * H);
    expect(workingMsBetween(cal, at("2026-06-02T10:00Z"), at("2026-06-02T10:00Z"))).toBe(0);
    expect(workingMsBetween(cal, at("2026-06-03T10:00Z"), at("2026-06-02T10:00Z"))).toBe(0);
  });

  it("should skip a closed Monday when adding working time", () => {
    const holiday = overnight({ closedDates: [{ date: "2026-06-08" }] });
    expect(addWorkingTime(holiday, at("2026-06-05T20:00Z"), 8 * H)).toEqual(at("2026-06-09T07:00Z"));
  });

  it("should give a 3-working-day deadline across a weekend (3 × 21 h from Thursday 12:00)", () => {
    // Thu 12:00 → Fri 02:00: 14 h; Fri 05:00 → Sat 02:00: 21 h (35); Mon 05:00 → Tue 02:00: 21 h (56);
    // the last 7 h from Tue 05:00.
    expect(addWorkingTime(cal, at("2026-06-04T12:00Z"), 63 * H)).toEqual(at("2026-06-09T12:00Z"));
  });

  it("should be null when the time cannot be reached within the horizon", () => {
    const never = SupportCalendar.parse({ timeZone: "UTC", weekly: [], closedDates: [], extraOpenings: [] });
    expect(addWorkingTime(never, at("2026-06-05T20:00Z"), 1)).toBeNull();
    expect(addWorkingTime(cal, at("2026-06-05T20:00Z"), 8 * H, 2)).toBeNull(); // due Mon 07:00, horizon Sun 20:00
    expect(addWorkingTime(cal, at("2026-06-05T20:00Z"), 8 * H, 3)).toEqual(at("2026-06-08T07:00Z"));
  });

  it("should round-trip: x of working time after a start is exactly x, and reached no earlier", () => {
    const calendars = [
      cal,
      overnight({
        closedDates: [{ date: "2026-03-10" }],
        extraOpenings: [{ date: "2026-03-07", start: "01:00", end: "09:00", endsNextDay: false }],
      }),
      berlinOffice,
      SupportCalendar.parse({
        timeZone: "America/New_York",
        weekly: ["sat", "sun"].map((day) => ({ day, start: "01:00", end: "04:00" })),
        closedDates: [],
        extraOpenings: [{ date: "2026-03-09", start: "22:30", end: "02:30", endsNextDay: true }],
      }),
    ];
    const durations = [0, 1, 30 * 60_000, 6 * H, 8 * H, 21 * H, 63 * H, 200 * H];
    for (const calendar of calendars) {
      // Starts every 7 h 13 min through three weeks around the March changes, landing both in and out of hours.
      for (let t = at("2026-03-02T00:00Z").getTime(); t < at("2026-03-23T00:00Z").getTime(); t += 7 * H + 13 * 60_000) {
        const start = new Date(t);
        for (const x of durations) {
          const due = addWorkingTime(calendar, start, x);
          expect(due).not.toBeNull();
          if (!due) continue;
          expect(workingMsBetween(calendar, start, due)).toBe(x);
          if (x > 0) expect(workingMsBetween(calendar, start, new Date(due.getTime() - 1))).toBe(x - 1);
        }
      }
    }
  });

  it("should refuse a negative or fractional duration and an invalid Date", () => {
    expect(() => addWorkingTime(cal, at("2026-06-05T20:00Z"), -1)).toThrow(RangeError);
    expect(() => addWorkingTime(cal, at("2026-06-05T20:00Z"), 1.5)).toThrow(RangeError);
    expect(() => isOpen(cal, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => nextOpeningTime(cal, at("2026-06-05T20:00Z"), -1)).toThrow(RangeError);
  });
});
