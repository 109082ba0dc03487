import { describe, expect, it } from "vitest";
import { wallTimeAt } from "../zoned-time.ts";

/** The zone's clock reading straight from Intl, as the oracle for the remembered offsets. */
function intlWall(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(instant);
  const f = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(f("year"), f("month") - 1, f("day"), f("hour"), f("minute"), f("second")) + (instant % 1000);
}

describe("wallTimeAt", () => {
  // Spring forward and fall back in London, Lord Howe's half-hour change, and a quarter-hour zone.
  const days: Array<[string, string]> = [
    ["Europe/London", "2026-03-29T00:00:00Z"],
    ["Europe/London", "2026-10-25T00:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T12:00:00Z"],
    ["Australia/Lord_Howe", "2026-10-03T12:00:00Z"],
    ["Asia/Kathmandu", "2026-06-01T00:00:00Z"],
  ];
  it.each(days)(
    "should read %s's clock as Intl does, every 7 minutes and 13 s across a day with a change (%s)",
    (zone, from) => {
      const start = Date.parse(from);
      // Asked twice: the second round reads the offsets remembered by the first.
      for (let round = 0; round < 2; round++) {
        for (let t = start; t < start + 86_400_000; t += 433_000) {
          expect(wallTimeAt(zone, t)).toBe(intlWall(zone, t));
        }
      }
    },
  );

  it("should read the milliseconds around a change exactly", () => {
    const change = Date.parse("2026-03-29T01:00:00Z"); // London: 01:00 GMT → 02:00 BST
    for (const t of [change - 1, change, change + 1, change + 999]) {
      expect(wallTimeAt("Europe/London", t)).toBe(intlWall("Europe/London", t));
    }
  });
});
