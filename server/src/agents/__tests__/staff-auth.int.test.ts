import { request } from "node:http";
import type { MessageDto } from "@parley/shared";
import { SOCKET_NAMESPACES } from "@parley/shared/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  collect,
  connected,
  ok,
  refused,
  sleep,
  startInput,
  TestServer,
  waitFor,
} from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Agent } from "../agent.model.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

describe("staff sign-in and sessions", () => {
  it("should refuse an agent socket without a valid session", async () => {
    expect((await refused(t.staffSocket(null))).data?.code).toBe("UNAUTHENTICATED");
    expect((await refused(t.staffSocket(`parley_session=${"x".repeat(43)}`))).data?.code).toBe("UNAUTHENTICATED");
  });

  it("should refuse a session cookie presented from another origin", async () => {
    const { email, password } = await t.createAgent(site._id);
    const { cookie } = await t.login(email, password);
    const socket = t.staffSocket(cookie, { origin: "https://evil.example.test" });
    expect((await refused(socket)).data?.code).toBe("ORIGIN_NOT_ALLOWED");
  });

  it("should set an httpOnly cookie on sign-in and reject wrong passwords", async () => {
    const { email, password } = await t.createAgent(site._id);
    const wrong = await t.login(email, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    const res = await fetch(`${t.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/parley_session=[A-Za-z0-9_-]+;.*HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Strict/i);
  });

  it("should limit wrong passwords per email and address, and not lock the agent out from their own address", async () => {
    const { email, password } = await t.createAgent(site._id);
    const stranger = "127.0.0.21";
    for (let i = 0; i < 5; i++) expect((await loginFrom(stranger, email, "wrong")).status).toBe(401);
    // That address may not go on guessing this account, even with the right password.
    const limited = await loginFrom(stranger, email, password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect(limited.cookie).toBeNull();
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Knowing the email is not enough to lock the agent out: from their own address they sign in.
    const own = await loginFrom("127.0.0.22", email, password);
    expect(own.status).toBe(200);
    expect(own.cookie).not.toBeNull();
    // Nor is a colleague behind the stranger's address locked out (5 failures are far from its 30).
    const colleague = await t.createAgent(site._id);
    expect((await loginFrom(stranger, colleague.email, colleague.password)).status).toBe(200);
  });

  it("should cut the sockets of a session on sign-out and refuse its later events", async () => {
    const { socket, cookie } = await t.staff(site._id);
    const cut = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
    const res = await fetch(`${t.url}/api/auth/logout`, { method: "POST", headers: { cookie: cookie ?? "" } });
    expect(res.status).toBe(204);
    await cut;
    expect((await refused(t.staffSocket(cookie))).data?.code).toBe("UNAUTHENTICATED");
  });

  it("should refuse the next event of an agent disabled while connected", async () => {
    const { socket, agent } = await t.staff(site._id);
    await ok(socket, "inbox:sync", {});
    await Agent.updateOne({ _id: agent._id }, { $set: { disabled: true } });
    expect(await call(socket, "inbox:sync", {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await waitFor(() => socket.disconnected);
  });
});

describe("staff see their own site only, and one agent owns a chat", () => {
  it("should hide another site's conversations", async () => {
    const other = await t.createSite();
    const { socket: outsider } = await t.staff(other._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const id = started.conversation.id;
    for (const event of ["conversation:accept", "conversation:close"] as const) {
      expect(await call(outsider, event, { conversationId: id })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    }
    expect(await call(outsider, "conversation:sync", { conversationId: id, afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    const inbox = await ok(outsider, "inbox:sync", {});
    expect(inbox.waiting.map((c) => c.id)).not.toContain(id);
  });

  it("should refuse replies from an agent who does not own the chat", async () => {
    const owner = await t.staff(site._id);
    const other = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const id = started.conversation.id;
    expect(
      await call(other.socket, "message:send", { conversationId: id, clientMsgId: "too-early", body: "hi" }),
    ).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await ok(owner.socket, "conversation:accept", { conversationId: id });
    expect(
      await call(other.socket, "message:send", { conversationId: id, clientMsgId: "not-mine-1", body: "hi" }),
    ).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await call(other.socket, "conversation:sync", { conversationId: id, afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });

  it("should give a chat to exactly one of 20 agents accepting at once", async () => {
    const agents = await Promise.all(Array.from({ length: 20 }, () => t.staff(site._id)));
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const results = await Promise.all(
      agents.map((a) =>
        call(a.socket, "conversation:accept", {
          conversationId: started.conversation.id,
        }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "CONFLICT")).toBe(true);
    const stored = await Conversation.findById(started.conversation.id).lean();
    expect(stored?.assignee?.toHexString()).toBe(winners[0]?.ok ? winners[0].data.conversation.assignee?.id : "none");
  });
});

describe("health", () => {
  it("should report the database state", async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "connected", redis: "off" });
  });

  it("should keep a connected socket usable after reconnecting", async () => {
    const { socket } = await t.staff(site._id);
    socket.disconnect();
    socket.connect();
    await connected(socket);
    expect((await call(socket, "inbox:sync", {})).ok).toBe(true);
  });
});

describe("watching a queued chat", () => {
  it("should stop sending a chat's messages to an agent who watched it once another agent owns it", async () => {
    const watcher = await t.staff(site._id);
    const owner = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const id = started.conversation.id;
    await ok(watcher.socket, "conversation:sync", { conversationId: id, afterSeq: 0 });
    const watcherHears: MessageDto[] = [];
    watcher.socket.on("message:new", (m) => watcherHears.push(m));
    const ownerHears: MessageDto[] = [];
    owner.socket.on("message:new", (m) => ownerHears.push(m));

    await ok(owner.socket, "conversation:accept", { conversationId: id });
    await ok(visitor.socket, "message:send", {
      conversationId: id,
      clientMsgId: "secret-card-1",
      body: "my card is 4111",
    });
    await waitFor(() => ownerHears.some((m) => m.body === "my card is 4111"));
    expect(watcherHears.some((m) => m.body === "my card is 4111")).toBe(false);
  });
});

describe("opening a chat one may not read", () => {
  it("should refuse an agent another agent's active chat, and send them none of its messages", async () => {
    const owner = await t.staff(site._id);
    const other = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const id = started.conversation.id;
    await ok(owner.socket, "conversation:accept", { conversationId: id });
    const otherHears = collect<MessageDto>(other.socket, "message:new");
    expect(await call(other.socket, "conversation:sync", { conversationId: id, afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await ok(visitor.socket, "message:send", { conversationId: id, clientMsgId: "private-1", body: "private 1" });
    await ok(owner.socket, "message:send", { conversationId: id, clientMsgId: "private-2", body: "private 2" });
    await sleep(200);
    expect(otherHears).toEqual([]);
  });

  it("should leave no agent in a chat's room when it was taken by another agent while they opened it", async () => {
    const owner = await t.staff(site._id);
    const other = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const id = started.conversation.id;
    // The owner accepts between the other agent's first look (the chat is queued: they may watch it) and their
    // joining the chat's room, after the owner's accept has sent the onlookers out of it.
    const serverSide = t.server.io.of(SOCKET_NAMESPACES.agent).sockets.get(other.socket.id ?? "");
    if (!serverSide) throw new Error("no server socket");
    const join = serverSide.join.bind(serverSide);
    serverSide.join = async (room) => {
      serverSide.join = join;
      await ok(owner.socket, "conversation:accept", { conversationId: id });
      await sleep(100);
      return join(room);
    };
    const otherHears = collect<MessageDto>(other.socket, "message:new");
    expect(await call(other.socket, "conversation:sync", { conversationId: id, afterSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await ok(visitor.socket, "message:send", { conversationId: id, clientMsgId: "taken-msg-1", body: "card 4111" });
    await ok(owner.socket, "message:send", { conversationId: id, clientMsgId: "taken-msg-2", body: "thanks" });
    await sleep(200);
    expect(otherHears).toEqual([]);
  });
});

/** POST /api/auth/login from `localAddress` (all of 127/8 is loopback): the client address the server counts. */
function loginFrom(
  localAddress: string,
  email: string,
  password: string,
): Promise<{ status: number; body: unknown; cookie: string | null; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL("/api/auth/login", t.url),
      { method: "POST", localAddress, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as unknown,
            cookie: res.headers["set-cookie"]?.[0]?.split(";")[0] ?? null,
            retryAfter: res.headers["retry-after"],
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ email, password }));
  });
}
