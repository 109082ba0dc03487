import { describe, expect, it } from "vitest";
import { en } from "../i18n/en.ts";
import { fr } from "../i18n/fr.ts";
import { formatOpening, formatTime } from "../opening-time.ts";

const now = new Date("2026-01-12T20:00:00.000Z"); // Monday evening in London

describe("formatOpening", () => {
  it("says today or tomorrow when that is what the calendar in the zone says, and names the zone", () => {
    expect(formatOpening("2026-01-12T21:30:00.000Z", now, en, "Europe/London")).toBe("today at 9:30 PM GMT");
    expect(formatOpening("2026-01-13T08:00:00.000Z", now, en, "Europe/London")).toBe("tomorrow at 8:00 AM GMT");
  });

  it("says it in French, with Intl's words for today and tomorrow", () => {
    expect(formatOpening("2026-01-12T21:30:00.000Z", now, fr, "Europe/Paris")).toBe("aujourd’hui à 22:30 UTC+1");
    expect(formatOpening("2026-01-13T08:00:00.000Z", now, fr, "Europe/Paris")).toBe("demain à 09:00 UTC+1");
  });

  it("uses the given time zone, not UTC, to tell the day", () => {
    // 02:00 UTC on Tuesday is still Monday evening in New York.
    expect(formatOpening("2026-01-13T02:00:00.000Z", now, en, "America/New_York")).toBe("today at 9:00 PM EST");
  });

  it("names the weekday and date further out, and the year only when it is far off", () => {
    expect(formatOpening("2026-01-16T08:00:00.000Z", now, en, "UTC")).toBe("Friday, January 16 at 8:00 AM UTC");
    expect(formatOpening("2026-01-16T08:00:00.000Z", now, fr, "UTC")).toBe("vendredi 16 janvier à 08:00 UTC");
    expect(formatOpening("2026-09-01T08:00:00.000Z", now, en, "UTC")).toBe("Tuesday, September 1, 2026 at 8:00 AM UTC");
  });

  it("gives up on a malformed date rather than printing 'Invalid Date'", () => {
    expect(formatOpening("not a date", now, en, "UTC")).toBeNull();
  });
});

describe("formatTime", () => {
  it("gives a message's time in the visitor's language, naming the zone", () => {
    // Messages are shown in the visitor's own zone, whatever the machine running this is set to.
    const zone = new Intl.DateTimeFormat("en", { timeZoneName: "short" }).formatToParts(now).at(-1)?.value;
    expect(formatTime("2026-01-12T21:30:00.000Z", fr)).toMatch(/^\d\d:\d\d \S+$/);
    expect(formatTime("2026-01-12T21:30:00.000Z", en)).toContain(zone);
    expect(formatTime("garbage", en)).toBe("");
  });
});
