import { describe, expect, it } from "vitest";
import { isMissedOfferAway, MISSED_OFFER_WINDOW_MS, type StatusChange } from "../presence.ts";

const base: StatusChange = {
  before: "online",
  after: "away",
  requestedHere: false,
  offerRinging: true,
  msSinceOfferEnded: Number.POSITIVE_INFINITY,
};

describe("isMissedOfferAway", () => {
  it("blames an unrequested switch to away on an offer that is ringing or just stopped", () => {
    expect(isMissedOfferAway(base)).toBe(true);
    expect(isMissedOfferAway({ ...base, offerRinging: false, msSinceOfferEnded: 2_000 })).toBe(true);
  });

  it("does not when I asked for it, when no offer was ringing, or for other changes", () => {
    expect(isMissedOfferAway({ ...base, requestedHere: true })).toBe(false);
    expect(isMissedOfferAway({ ...base, offerRinging: false, msSinceOfferEnded: MISSED_OFFER_WINDOW_MS })).toBe(false);
    expect(isMissedOfferAway({ ...base, before: "away" })).toBe(false);
    expect(isMissedOfferAway({ ...base, after: "offline" })).toBe(false);
  });
});
