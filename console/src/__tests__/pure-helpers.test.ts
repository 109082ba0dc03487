import { describe, expect, it } from "vitest";
import { formatDuration, safeHttpUrl } from "../format.ts";
import { parseRoute, parseSignedOutPage, pathFor, signedOutPathFor } from "../router.ts";
import { describeUserAgent } from "../userAgent.ts";

describe("safeHttpUrl", () => {
  it("allows http and https only", () => {
    expect(safeHttpUrl("https://shop.example/cart?x=1")).toBe("https://shop.example/cart?x=1");
    expect(safeHttpUrl("http://shop.example")).toBe("http://shop.example/");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl(" JavaScript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl("")).toBeNull();
  });
});

describe("formatDuration", () => {
  it("is short and human", () => {
    expect(formatDuration(5_000)).toBe("less than a minute");
    expect(formatDuration(4 * 60_000)).toBe("4 min");
    expect(formatDuration(125 * 60_000)).toBe("2 h 5 min");
    expect(formatDuration(120 * 60_000)).toBe("2 h");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
  });
});

describe("router", () => {
  const id = "0123456789abcdef01234567";
  it("round-trips conversation paths and falls back to the inbox", () => {
    expect(parseRoute(pathFor({ name: "conversation", id }))).toEqual({ name: "conversation", id });
    expect(parseRoute("/console/")).toEqual({ name: "inbox" });
    expect(parseRoute("/console/conversations/not-an-id")).toEqual({ name: "inbox" });
    expect(parseRoute("/elsewhere")).toEqual({ name: "inbox" });
  });

  it("round-trips the pages, with or without a trailing slash", () => {
    for (const name of ["inbox", "offline", "team", "admin", "account"] as const) {
      expect(parseRoute(pathFor({ name }))).toEqual({ name });
    }
    expect(pathFor({ name: "offline" })).toBe("/console/offline-requests");
    expect(parseRoute("/console/team/")).toEqual({ name: "team" });
    expect(parseRoute("/console/nowhere")).toEqual({ name: "inbox" });
  });

  it("round-trips ticket pages and new-ticket sources", () => {
    expect(parseRoute(pathFor({ name: "ticket", id }))).toEqual({ name: "ticket", id });
    for (const kind of ["chat", "offline"] as const) {
      const path = pathFor({ name: "ticketNew", source: { kind, id } });
      expect(path).toBe(`/console/tickets/new?${kind}=${id}`);
      const [pathname = "", search = ""] = path.split("?");
      expect(parseRoute(pathname, `?${search}`)).toEqual({ name: "ticketNew", source: { kind, id } });
    }
    expect(parseRoute("/console/tickets/new", "?chat=nope")).toEqual({ name: "inbox" });
    expect(parseRoute("/console/tickets/new")).toEqual({ name: "inbox" });
  });

  it("round-trips the signed-out pages, and sends everything else to sign-in", () => {
    for (const page of ["signIn", "forgotPassword", "resetPassword"] as const) {
      expect(parseSignedOutPage(signedOutPathFor(page))).toBe(page);
    }
    expect(signedOutPathFor("resetPassword")).toBe("/console/reset-password");
    expect(parseSignedOutPage("/console/forgot-password/")).toBe("forgotPassword");
    expect(parseSignedOutPage("/console/tickets")).toBe("signIn");
    // Signed in, those paths are no page of the workspace: the inbox.
    expect(parseRoute("/console/forgot-password")).toEqual({ name: "inbox" });
  });
});

describe("describeUserAgent", () => {
  it("names common browsers and systems", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      ),
    ).toBe("Edge 126 on Windows");
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe(
      "Firefox 128 on Linux",
    );
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 17 on iOS");
    expect(describeUserAgent("curl/8.0")).toBeNull();
  });
});
