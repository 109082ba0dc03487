import { describe, expect, it } from "vitest";
import { openingInSiteZone, startView } from "../availability.ts";
import { reopenTokenOf } from "../reopen-token.ts";
import { availability } from "./fixtures.ts";

// Always reachable (docs/embedding.md): the server now says acceptingChats while open with nobody online.
const closed = availability({
  open: false,
  agentsOnline: false,
  acceptingChats: false,
  nextOpeningAt: "2026-01-13T08:00:00.000Z",
  closesAt: null,
  timeZone: "Asia/Tokyo",
});

describe("the start view outside hours", () => {
  it("is the offline form until the visitor chooses to leave a message, then the chat form", () => {
    expect(startView(closed, false, false)).toBe("offline");
    expect(startView(closed, false, true)).toBe("pre-chat");
    // A request on its way keeps its form, whatever was chosen before.
    expect(startView(closed, true, true)).toBe("offline");
  });
});

describe("openingInSiteZone", () => {
  it("says the opening in the site's zone and names it", () => {
    const text = openingInSiteZone(closed, new Date("2026-01-12T10:00:00.000Z"));
    // 08:00 UTC is 17:00 in Tokyo, the next day there.
    expect(text).toMatch(/^tomorrow at 5:00\s?PM GMT\+9$/);
  });

  it("is null while open", () => {
    expect(openingInSiteZone(availability(), new Date())).toBeNull();
  });
});

describe("reopenTokenOf", () => {
  it("takes only a well-formed #parley= fragment", () => {
    const token = "A".repeat(43);
    expect(reopenTokenOf(`#parley=${token}`)).toBe(token);
    expect(reopenTokenOf("#parley=short")).toBeNull();
    expect(reopenTokenOf(`#parley=${token}&x=1`)).toBeNull();
    expect(reopenTokenOf(`#other=${token}`)).toBeNull();
    expect(reopenTokenOf("")).toBeNull();
  });
});
