import { describe, expect, it } from "vitest";
import {
  formatCountdown,
  newOffers,
  offerActionFinished,
  offerActionStarted,
  offerAnnouncement,
  offerKey,
  offersFor,
} from "../offers.ts";
import { ME, OTHER, summary } from "./fixtures.ts";

const toMe = (expiresAt: string) => ({ offer: { agent: { id: ME.id, name: ME.name }, expiresAt } });
const SOON = "2025-01-01T12:00:20.000Z";
const LATER = "2025-01-01T12:00:40.000Z";

describe("offersFor", () => {
  it("lists only queued chats ringing me, the soonest to expire first", () => {
    const waiting = [
      summary(1, toMe(LATER)),
      summary(2, { offer: { agent: OTHER, expiresAt: SOON } }),
      summary(3),
      summary(4, toMe(SOON)),
      summary(5, { ...toMe(SOON), status: "active" }),
    ];
    expect(offersFor(waiting, ME.id).map((c) => c.visitorName)).toEqual(["Visitor 4", "Visitor 1"]);
  });
});

describe("newOffers", () => {
  it("finds offers not seen before, and a second offer of the same chat counts as new", () => {
    const first = offersFor([summary(1, toMe(SOON))], ME.id);
    const seen = new Set(first.map(offerKey));
    expect(newOffers(seen, first)).toEqual([]);
    const again = offersFor([summary(1, toMe(LATER)), summary(2, toMe(LATER))], ME.id);
    expect(newOffers(seen, again).map((c) => c.visitorName)).toEqual(["Visitor 1", "Visitor 2"]);
  });
});

describe("offerAnnouncement", () => {
  const names = (id: string) => (id === "billing" ? "Billing" : id);
  it("names the visitor and the product", () => {
    const [one] = offersFor([summary(1, { ...toMe(SOON), product: "billing" })], ME.id);
    expect(offerAnnouncement(one ? [one] : [], names)).toBe("Incoming chat from Visitor 1 (Billing).");
  });
  it("counts several at once and says nothing for none", () => {
    const offers = offersFor([summary(1, toMe(SOON)), summary(2, toMe(LATER))], ME.id);
    expect(offerAnnouncement(offers, names)).toBe("2 incoming chats: Visitor 1, Visitor 2.");
    expect(offerAnnouncement([], names)).toBe("");
  });
});

describe("formatCountdown", () => {
  it("shows minutes and seconds, rounding up, never below zero", () => {
    expect(formatCountdown(65_000)).toBe("1:05");
    expect(formatCountdown(9_001)).toBe("0:10");
    expect(formatCountdown(1)).toBe("0:01");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(-4_000)).toBe("0:00");
  });
});

describe("offer actions", () => {
  it("keeps a refusal next to the offer and forgets a success", () => {
    let actions = offerActionStarted({}, "k", "accept");
    expect(actions.k).toEqual({ pending: "accept", error: null });
    const error = { code: "AT_CAPACITY" as const, message: "You already have 3 chats" };
    actions = offerActionFinished(actions, "k", error);
    expect(actions.k).toEqual({ pending: null, error });
    expect(offerActionFinished(offerActionStarted(actions, "k", "decline"), "k", null)).toEqual({});
  });
});
