import { describe, expect, it } from "vitest";
import { entitlementAt } from "../entitlement.ts";

// Released on 1 March: day 60 is 30 April, day 61 is 1 May.
const released = { finalRelease: "2026-03-01", paidSupportUntil: null };

describe("entitlementAt", () => {
  it("should be free through day 60 after the final release", () => {
    expect(entitlementAt(released, "UTC", new Date("2026-04-30T23:59:59Z"))).toEqual({
      kind: "free",
      until: new Date("2026-05-01T00:00:00Z"),
    });
  });

  it("should end on day 61 without a paid plan", () => {
    expect(entitlementAt(released, "UTC", new Date("2026-05-01T00:00:00Z"))).toEqual({
      kind: "none",
      freeEndedAt: new Date("2026-05-01T00:00:00Z"),
    });
  });

  it("should be covered by paid support after the free window, through its last day", () => {
    const paid = { ...released, paidSupportUntil: "2026-06-30" };
    expect(entitlementAt(paid, "UTC", new Date("2026-06-30T23:59:59Z"))).toEqual({
      kind: "paid",
      until: new Date("2026-07-01T00:00:00Z"),
    });
    expect(entitlementAt(paid, "UTC", new Date("2026-07-01T00:00:00Z"))).toEqual({
      kind: "none",
      freeEndedAt: new Date("2026-05-01T00:00:00Z"),
    });
  });

  it("should show the free window, not the paid support, while both cover the day", () => {
    const paid = { ...released, paidSupportUntil: "2026-12-31" };
    expect(entitlementAt(paid, "UTC", new Date("2026-04-01T00:00:00Z")).kind).toBe("free");
  });

  it("should count days in the site's time zone", () => {
    // 30 April 23:30 in Berlin (CEST, UTC+2) is still day 60; 1 May 00:30 there is day 61.
    expect(entitlementAt(released, "Europe/Berlin", new Date("2026-04-30T21:30:00Z")).kind).toBe("free");
    expect(entitlementAt(released, "Europe/Berlin", new Date("2026-04-30T22:30:00Z"))).toEqual({
      kind: "none",
      freeEndedAt: new Date("2026-04-30T22:00:00Z"),
    });
  });
});
