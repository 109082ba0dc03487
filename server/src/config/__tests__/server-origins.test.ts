import { describe, expect, it } from "vitest";
import { effectiveOrigin, isOriginAllowed } from "../../sites/origin-policy.ts";
import { serverOrigins } from "../server-origins.ts";

describe("server origins", () => {
  it("should use PUBLIC_URL's origin when set", () => {
    expect(serverOrigins("https://chat.example.test/some/path", 3000)).toEqual({
      primary: "https://chat.example.test",
      all: ["https://chat.example.test"],
    });
  });

  it("should accept both loopback spellings for a local run", () => {
    expect(serverOrigins(undefined, 3000).all).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
  });

  it("should treat a missing Origin as same-origin, and an opaque one (a sandboxed page) as the origin null", () => {
    expect(effectiveOrigin(undefined, "http://localhost:3000")).toBe("http://localhost:3000");
    expect(effectiveOrigin("null", "http://localhost:3000")).toBe("null");
    expect(effectiveOrigin("https://a.test", "http://localhost:3000")).toBe("https://a.test");
  });

  it("should match allowed origins exactly", () => {
    const site = { allowedOrigins: ["https://shop.test"] };
    expect(isOriginAllowed(site, "https://shop.test")).toBe(true);
    expect(isOriginAllowed(site, "https://shop.test.evil.test")).toBe(false);
    expect(isOriginAllowed(site, "http://shop.test")).toBe(false);
  });
});
