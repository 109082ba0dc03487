import type { MessageDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, ok, refused, startInput, TestServer } from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite("shop", ["https://shop.example.test"]);
  // New chats start only while someone is online to answer them.
  await t.staff(site._id);
});
afterAll(() => t.stop());

describe("a visitor sees only their own conversations", () => {
  it("should refuse to read or post to another visitor's conversation", async () => {
    const alice = await t.visitor(site.key, "https://shop.example.test");
    const mallory = await t.visitor(site.key, "https://shop.example.test");
    const malloryHears = collect<MessageDto>(mallory.socket, "message:new");
    const started = await ok(alice.socket, "conversation:start", startInput("private"));

    const read = await call(mallory.socket, "conversation:sync", {
      conversationId: started.conversation.id,
      afterSeq: 0,
    });
    expect(read).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const post = await call(mallory.socket, "message:send", {
      conversationId: started.conversation.id,
      clientMsgId: "intruder-1",
      body: "hi",
    });
    expect(post).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    const own = await ok(mallory.socket, "conversation:sync", { afterSeq: 0 });
    expect(own.conversation).toBeNull();
    expect(malloryHears).toEqual([]);
  });
});

describe("the widget connection", () => {
  it("should accept a visitor from an allowed origin and refuse other origins", async () => {
    const token = await t.visitorToken(site.key, "https://shop.example.test");
    const good = t.visitorSocket({ siteKey: site.key, visitorToken: token }, { origin: "https://shop.example.test" });
    await new Promise<void>((resolve, reject) => {
      good.once("connect", resolve);
      good.once("connect_error", reject);
    });

    const evil = t.visitorSocket({ siteKey: site.key, visitorToken: token }, { origin: "https://evil.example.test" });
    expect((await refused(evil)).data?.code).toBe("ORIGIN_NOT_ALLOWED");

    const res = await fetch(`${t.url}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example.test" },
      body: JSON.stringify({ siteKey: site.key }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "ORIGIN_NOT_ALLOWED" } });
  });

  it("should refuse an unknown visitor token and a malformed handshake", async () => {
    const forged = t.visitorSocket(
      { siteKey: site.key, visitorToken: "A".repeat(43) },
      { origin: "https://shop.example.test" },
    );
    expect((await refused(forged)).data?.code).toBe("UNAUTHENTICATED");
    const malformed = t.visitorSocket(
      { siteKey: site.key, visitorToken: { $ne: null } },
      { origin: "https://shop.example.test" },
    );
    expect((await refused(malformed)).data?.code).toBe("BAD_REQUEST");
  });
});

describe("a sandboxed page (Origin: null)", () => {
  // A sandboxed iframe on any page sends `Origin: null`; it must not pass for this server's own origin, which
  // sites that embed the demo page or test from the server allow.
  const mint = (siteKey: string, origin?: string) =>
    fetch(`${t.url}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
      body: JSON.stringify({ siteKey }),
    });

  it("should refuse Origin: null on the session mint and the socket handshake of a site that allows this server", async () => {
    const ours = await t.createSite();
    const res = await mint(ours.key, "null");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "ORIGIN_NOT_ALLOWED" } });

    const token = await t.visitorToken(ours.key);
    const sandboxed = t.visitorSocket({ siteKey: ours.key, visitorToken: token }, { origin: "null" });
    expect((await refused(sandboxed)).data?.code).toBe("ORIGIN_NOT_ALLOWED");
  });

  it('should accept Origin: null only from a site that lists "null" itself', async () => {
    const sandboxedSite = await t.createSite(undefined, ["null"]);
    expect((await mint(sandboxedSite.key, "null")).status).toBe(201);
    await t.visitor(sandboxedSite.key, "null");
  });

  it("should keep taking a request without Origin as this server's own page", async () => {
    const ours = await t.createSite();
    expect((await mint(ours.key)).status).toBe(201);
    await t.visitor(ours.key);
  });
});
