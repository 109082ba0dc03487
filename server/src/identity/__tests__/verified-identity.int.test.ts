import type { IdentityClaims, MessageDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  connected,
  ManualClock,
  msgId,
  ok,
  refused,
  type StaffMember,
  startInput,
  TestServer,
} from "../../../test/harness.ts";
import { signIdentityToken } from "../identity-token.ts";

const NOW = new Date("2026-03-04T10:00:00.000Z");
const clock = new ManualClock(NOW);
const inAnHour = () => Math.floor(clock.now().getTime() / 1000) + 3600;

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let admin: StaffMember;
let agent: StaffMember;
let secret: string;

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
  site = await t.createSite();
  admin = await t.staff(site._id, "admin", "Ada Admin");
  agent = await t.staff(site._id, "agent", "Ana Agent");
  secret = (await ok(admin.socket, "site:identity", {})).secret;
});
afterAll(() => t.stop());

const claims = (over: Partial<IdentityClaims> = {}): IdentityClaims => ({
  userId: "user-1",
  email: "vera@example.test",
  name: "Vera Verified",
  exp: inAnHour(),
  ...over,
});

async function session(identityToken?: string) {
  const res = await fetch(`${t.url}/api/widget/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ siteKey: site.key, ...(identityToken ? { identityToken } : {}) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A browser: its own session (its own token) for whoever the identity token names. */
async function browser(identityToken?: string) {
  const { status, body } = await session(identityToken);
  expect(status).toBe(201);
  const socket = t.visitorSocket({ siteKey: site.key, visitorToken: body.visitorToken });
  await connected(socket);
  return { socket, verified: body.verified };
}

const setRequired = (on: boolean) => ok(admin.socket, "site:update", { requireVerifiedIdentity: on });

describe("the identity secret", () => {
  it("should be shown to admins only, stay the same until rotated, and never reach the widget or other staff", async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await ok(admin.socket, "site:identity", {})).secret).toBe(secret);
    expect(await call(agent.socket, "site:identity", {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(agent.socket, "site:identity-rotate", {})).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const { site: settings } = await ok(agent.socket, "site:get", {});
    expect(JSON.stringify(settings)).not.toContain(secret);
    const { body } = await session(signIdentityToken(claims(), secret));
    expect(JSON.stringify(body)).not.toContain(secret);
  });
});

describe("a site that requires verified identity", () => {
  beforeAll(() => setRequired(true));
  afterAll(() => setRequired(false));

  it("should refuse a session without an identity token, or with a wrong, expired or too long one", async () => {
    expect(await session()).toMatchObject({ status: 401, body: { error: { code: "IDENTITY_REQUIRED" } } });
    const refusedWith = async (token: string) => (await session(token)).body;
    const invalid = { error: { code: "IDENTITY_INVALID" } };
    expect(await refusedWith(signIdentityToken(claims(), "not-the-secret"))).toMatchObject(invalid);
    const good = signIdentityToken(claims(), secret);
    const [payload, mac] = good.split(".");
    const otherUser = Buffer.from(JSON.stringify(claims({ userId: "user-2" }))).toString("base64url");
    expect(`${payload}.${mac}`).toBe(good);
    expect(await refusedWith(`${otherUser}.${mac}`)).toMatchObject(invalid);
    expect(await refusedWith(signIdentityToken(claims({ exp: inAnHour() - 7200 }), secret))).toMatchObject(invalid);
    expect(await refusedWith(signIdentityToken(claims({ exp: inAnHour() + 24 * 3600 }), secret))).toMatchObject(
      invalid,
    );
    // The schema refuses what is not a token at all, before any secret is read.
    expect(await session("not a token")).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });

  it("should accept a good token, and refuse tokens after the secret is rotated", async () => {
    const good = signIdentityToken(claims(), secret);
    expect(await session(good)).toMatchObject({ status: 201, body: { verified: true } });
    const rotated = (await ok(admin.socket, "site:identity-rotate", {})).secret;
    expect(rotated).not.toBe(secret);
    expect(await session(good)).toMatchObject({ status: 401, body: { error: { code: "IDENTITY_INVALID" } } });
    secret = rotated;
    expect(await session(signIdentityToken(claims(), secret))).toMatchObject({ status: 201 });
  });

  it("should refuse the handshake of an anonymous session minted before the setting was on", async () => {
    await setRequired(false);
    const anonymous = await t.visitorToken(site.key);
    await setRequired(true);
    const socket = t.visitorSocket({ siteKey: site.key, visitorToken: anonymous });
    expect((await refused(socket)).data?.code).toBe("IDENTITY_REQUIRED");
  });

  it("should refuse the next event of an anonymous socket connected when the setting was turned on", async () => {
    await setRequired(false);
    const anonymous = await browser();
    await setRequired(true);
    expect(await call(anonymous.socket, "conversation:sync", { afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: "IDENTITY_REQUIRED" },
    });
  });
});

describe("a site that does not require it", () => {
  it("should treat a bad token as no identity: an anonymous session that sees nobody's chats", async () => {
    const forged = await browser(signIdentityToken(claims({ userId: "user-1" }), "guessed"));
    expect(forged.verified).toBe(false);
    expect((await ok(forged.socket, "conversation:sync", { afterSeq: 0 })).conversation).toBe(null);
  });
});

describe("a verified customer on two devices", () => {
  it("should see the same chat history and tickets from a second browser, and nobody else should", async () => {
    const laptop = await browser(signIdentityToken(claims({ userId: "cust-7" }), secret));
    expect(laptop.verified).toBe(true);
    const started = await ok(laptop.socket, "conversation:start", {
      ...startInput("My export is stuck", "Typed Name"),
      email: "typed@example.test",
    });
    const conversationId = started.conversation.id;
    await ok(agent.socket, "conversation:accept", { conversationId });
    await ok(agent.socket, "message:send", { conversationId, clientMsgId: msgId(), body: "Looking into it" });
    const { ticket } = await ok(agent.socket, "ticket:create", {
      source: { kind: "chat", conversationId },
      fields: {
        subject: "Export stuck",
        priority: "low",
        product: null,
        productVersion: "",
        thirdPartyVersions: "",
        details: "Stops at 50%",
        reproductionSteps: "",
        environment: "",
        mostRecentUpdate: "",
        changedSinceLastWorked: "",
        reproducedOnTestSystem: "unknown",
      },
    });

    // The signed name and email, not the typed ones: agents and tickets can trust them.
    expect(ticket.requester).toEqual({ name: "Vera Verified", email: "vera@example.test" });

    // The phone: another session, minted later with a fresh token for the same user.
    clock.advance(60_000);
    const phone = await browser(signIdentityToken(claims({ userId: "cust-7", exp: inAnHour() }), secret));
    const synced = await ok(phone.socket, "conversation:sync", { afterSeq: 0 });
    expect(synced.conversation?.id).toBe(conversationId);
    expect(synced.messages.map((m) => m.body)).toEqual([
      "My export is stuck",
      "Ana Agent joined the chat",
      "Looking into it",
    ]);
    const phoneTickets = await ok(phone.socket, "ticket:list", {});
    expect(phoneTickets.tickets.map((x) => x.id)).toEqual([ticket.id]);
    // Live too: the phone hears the agent's next reply in the chat begun on the laptop.
    const heard = new Promise<MessageDto>((resolve) => phone.socket.once("message:new", resolve));
    await ok(agent.socket, "message:send", { conversationId, clientMsgId: msgId(), body: "Fixed now" });
    expect((await heard).body).toBe("Fixed now");

    // Another user with the same email, and an anonymous visitor: separate people, nothing of cust-7's.
    const sameEmail = await browser(signIdentityToken(claims({ userId: "cust-8" }), secret));
    const anonymous = await browser();
    for (const stranger of [sameEmail, anonymous]) {
      const own = await ok(stranger.socket, "conversation:sync", { afterSeq: 0 });
      expect(own.conversation).toBeNull();
      expect(await call(stranger.socket, "conversation:sync", { conversationId, afterSeq: 0 })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
      expect((await ok(stranger.socket, "ticket:list", {})).tickets).toEqual([]);
      expect(await call(stranger.socket, "ticket:get", { ticketId: ticket.id })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    }
  });

  it("should make two first sign-ins of one user at once into one visitor", async () => {
    const token = signIdentityToken(claims({ userId: "cust-race" }), secret);
    const [a, b] = await Promise.all([browser(token), browser(token)]);
    const started = await ok(a.socket, "conversation:start", startInput());
    const seen = await ok(b.socket, "conversation:sync", {
      afterSeq: 0,
    });
    expect(seen.conversation?.id).toBe(started.conversation.id);
  });
});
