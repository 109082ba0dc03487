import { describe, expect, it } from "vitest";
import { nextOpening, startView, untilBoundary } from "../availability.ts";
import { offlineHeading } from "../components/OfflineView.tsx";
import { availability } from "./fixtures.ts";

const NOW = Date.parse("2026-01-12T10:00:00.000Z");

const closed = availability({
  open: false,
  agentsOnline: false,
  acceptingChats: false,
  nextOpeningAt: "2026-01-13T08:00:00.000Z",
  closesAt: null,
});
const nobodyOnline = availability({ agentsOnline: false, acceptingChats: false });

describe("startView", () => {
  it("offers a chat only while the server says one can start", () => {
    expect(startView(availability(), false)).toBe("pre-chat");
    expect(startView(closed, false)).toBe("offline");
    expect(startView(nobodyOnline, false)).toBe("offline");
  });

  it("waits for the first answer, but does not hold the visitor up when there is none", () => {
    expect(startView(null, false)).toBe("checking");
    expect(startView("unknown", false)).toBe("pre-chat");
  });

  it("stays offline once the server refused a start, whatever an older answer said", () => {
    expect(startView(availability(), true)).toBe("offline");
    expect(startView(null, true)).toBe("offline");
  });
});

describe("offline wording", () => {
  it("tells closed hours from an open desk with nobody at it", () => {
    expect(offlineHeading(closed)).toBe("Support is closed");
    expect(offlineHeading(nobodyOnline)).toBe("No agent is available right now");
    expect(offlineHeading("unknown")).toBe("No agent is available right now");
    // The confirmation of a request just sent stays up after an agent comes online.
    expect(offlineHeading(availability())).toBe("An agent is available now");
  });

  it("names the next opening only while closed (while open it is 'now')", () => {
    expect(nextOpening(closed)).toBe("2026-01-13T08:00:00.000Z");
    expect(nextOpening(nobodyOnline)).toBeNull();
    expect(nextOpening({ ...closed, nextOpeningAt: null })).toBeNull();
    expect(nextOpening(null)).toBeNull();
  });
});

describe("untilBoundary", () => {
  it("waits for closing while open and for opening while closed", () => {
    expect(untilBoundary(availability(), NOW)).toBe(7 * 3600_000);
    expect(untilBoundary(closed, NOW)).toBe(22 * 3600_000);
  });

  it("has nothing to wait for without a boundary, and reports one already past as negative", () => {
    expect(untilBoundary(availability({ closesAt: null }), NOW)).toBeNull();
    expect(untilBoundary({ ...closed, nextOpeningAt: null }, NOW)).toBeNull();
    expect(untilBoundary(availability({ closesAt: "2026-01-12T09:59:00.000Z" }), NOW)).toBe(-60_000);
    expect(untilBoundary(availability({ closesAt: "soon" }), NOW)).toBeNull();
  });
});
