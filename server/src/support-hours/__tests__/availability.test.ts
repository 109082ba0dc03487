import { POLICY_CALENDAR } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "../always-open.ts";
import { availabilityAt } from "../availability.ts";

const products = [{ id: "cloud", name: "Acme Cloud" }];

describe("availabilityAt", () => {
  it("should accept chats inside support hours with an agent online, and say when hours end", () => {
    // Thursday 2026-11-26 12:00 UTC: the policy's Thursday range runs to Friday 02:00.
    const a = availabilityAt({ supportHours: POLICY_CALENDAR, products }, 2, new Date("2026-11-26T12:00:00Z"));
    expect(a).toEqual({
      open: true,
      agentsOnline: true,
      acceptingChats: true,
      nextOpeningAt: "2026-11-26T12:00:00.000Z",
      closesAt: "2026-11-27T02:00:00.000Z",
      timeZone: "UTC",
      products,
    });
  });

  // Always reachable (docs/embedding.md): the chat waits in the queue until an agent comes online.
  it("should accept chats inside hours even when nobody is online", () => {
    const a = availabilityAt({ supportHours: POLICY_CALENDAR, products }, 0, new Date("2026-11-26T12:00:00Z"));
    expect(a).toMatchObject({ open: true, agentsOnline: false, acceptingChats: true });
  });

  it("should point a Saturday visitor to Monday 05:00", () => {
    const a = availabilityAt({ supportHours: POLICY_CALENDAR, products }, 3, new Date("2026-11-28T09:00:00Z"));
    expect(a).toMatchObject({
      open: false,
      acceptingChats: false,
      nextOpeningAt: "2026-11-30T05:00:00.000Z",
      closesAt: null,
    });
  });

  it("should not report a closing time for a site open around the clock", () => {
    const a = availabilityAt({ supportHours: ALWAYS_OPEN, products: [] }, 1, new Date("2026-11-28T09:00:00Z"));
    expect(a).toMatchObject({ open: true, acceptingChats: true, closesAt: null });
  });
});
