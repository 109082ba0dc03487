import { describe, expect, it } from "vitest";
import type { RingingOffer } from "../offers.ts";
import {
  awayNoticeText,
  flashedTitle,
  notificationFor,
  ringingTitle,
  shouldAskPermission,
  shouldNotify,
} from "../ringing.ts";
import { summary } from "./fixtures.ts";

const offer = (preview: string | null, product: string | null): RingingOffer =>
  summary(1, {
    preview,
    product,
    offer: { agent: { id: "a", name: "Ana" }, expiresAt: "2025-01-01T12:00:30.000Z" },
  }) as RingingOffer;

describe("title", () => {
  it("shows the count while chats ring, alternating with the page's title", () => {
    expect(ringingTitle(1)).toBe("(1) Chat ringing — Parley");
    expect(ringingTitle(3)).toBe("(3) Chats ringing — Parley");
    expect(flashedTitle("Tickets · Parley console", 1, 0)).toBe("(1) Chat ringing — Parley");
    expect(flashedTitle("Tickets · Parley console", 1, 1)).toBe("Tickets · Parley console");
    expect(flashedTitle("Tickets · Parley console", 2, 2)).toBe("(2) Chats ringing — Parley");
  });
  it("is the page's own title when nothing rings", () => {
    expect(flashedTitle("Parley console", 0, 0)).toBe("Parley console");
  });
});

describe("notificationFor", () => {
  it("names the visitor and product, with the first message as the body", () => {
    const n = notificationFor(offer("My invoice is blank", "p-1"), (id) => (id === "p-1" ? "Billing" : id));
    expect(n).toEqual({ title: "Chat ringing: Visitor 1 (Billing)", body: "My invoice is blank" });
  });
  it("says how to answer when there is no preview", () => {
    expect(notificationFor(offer(null, null), String)).toEqual({
      title: "Chat ringing: Visitor 1",
      body: "Open the console to answer.",
    });
  });
});

describe("permission and notifying", () => {
  it("asks only while the browser has not been asked and the agent did not say no", () => {
    expect(shouldAskPermission("default", false)).toBe(true);
    expect(shouldAskPermission("default", true)).toBe(false);
    expect(shouldAskPermission("granted", false)).toBe(false);
    expect(shouldAskPermission("denied", false)).toBe(false);
    expect(shouldAskPermission("unsupported", false)).toBe(false);
  });
  it("notifies only a hidden console with permission", () => {
    expect(shouldNotify("granted", true)).toBe(true);
    expect(shouldNotify("granted", false)).toBe(false);
    expect(shouldNotify("denied", true)).toBe(false);
    expect(shouldNotify("default", true)).toBe(false);
  });
});

describe("awayNoticeText", () => {
  it("says why the agent is away", () => {
    expect(awayNoticeText(30)).toBe("You were set to Away because a chat rang for 30 s without an answer.");
    expect(awayNoticeText(0)).toBe("You were set to Away because a chat rang without an answer.");
  });
});
