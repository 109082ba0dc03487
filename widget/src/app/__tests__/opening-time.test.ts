import { describe, expect, it } from "vitest";
import { formatOpening } from "../opening-time.ts";

const now = new Date("2026-01-12T20:00:00.000Z"); // Monday evening in London

describe("formatOpening", () => {
  it("says today or tomorrow when that is what the visitor's calendar says", () => {
    expect(formatOpening("2026-01-12T21:30:00.000Z", now, "en-GB", "Europe/London")).toBe("today at 21:30");
    expect(formatOpening("2026-01-13T08:00:00.000Z", now, "en-US", "Europe/London")).toBe("tomorrow at 8:00 AM");
  });

  it("uses the visitor's time zone, not UTC, to tell the day", () => {
    // 08:00 UTC on Tuesday is still Tuesday in Berlin, but 02:00 UTC Tuesday is Monday evening in New York.
    expect(formatOpening("2026-01-13T02:00:00.000Z", now, "en-US", "America/New_York")).toBe("today at 9:00 PM");
    expect(formatOpening("2026-01-13T08:00:00.000Z", now, "de-DE", "Europe/Berlin")).toBe("tomorrow at 9:00");
  });

  it("names the weekday and date further out, and the year only when it is far off", () => {
    expect(formatOpening("2026-01-16T08:00:00.000Z", now, "en-US", "UTC")).toBe("Friday, January 16 at 8:00 AM");
    expect(formatOpening("2026-09-01T08:00:00.000Z", now, "en-US", "UTC")).toBe(
      "Tuesday, September 1, 2026 at 8:00 AM",
    );
  });

  it("gives up on a malformed date rather than printing 'Invalid Date'", () => {
    expect(formatOpening("not a date", now, "en-US", "UTC")).toBeNull();
  });
});
