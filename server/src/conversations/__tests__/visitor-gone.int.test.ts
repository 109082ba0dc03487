import type { ConversationSummaryDto, ErrorBody, WallChatDto } from "@parley/shared";
import type { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agentRow,
  autoAccept,
  call,
  callUnchecked,
  collect,
  connected,
  lastOf,
  ManualClock,
  msgId,
  offersTo,
  ok,
  staffMember,
  TestServer,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Site } from "../../sites/site.model.ts";
import { ClosedConversation, Conversation, type ConversationDoc } from "../conversation.model.ts";

// Visitor gone. The server's clock is moved by hand and the sweep run by the test; the sweep's own
// timer is set far beyond any test. Times the server stamps on messages are the machine's, so a test that needs a
// message "after" the visitor left sets the clock behind the machine's before the visitor goes.
const MINUTE = 60_000;
const clock = new ManualClock(new Date());
let t: TestServer;

beforeAll(async () => {
  t = await TestServer.start(undefined, { VISITOR_GONE_SWEEP_MS: "600000" }, clock.now);
});
afterAll(() => t.stop());

const sweep = () => t.server.visitorGone.sweep();
const routingOf = () => t.server.visitorGone.deps;
const row = (id: string) => Conversation.findById(id).lean<ConversationDoc>();
const closedRow = (id: string) => ClosedConversation.findById(id).lean<ConversationDoc>();
const latest = <T extends { id: string }>(seen: T[], id: string) => lastOf(seen, (c) => c.id === id);

/** A site with the default 10 and 30 minutes unless given. */
async function site(opts: { auto?: boolean; left?: number; close?: number } = {}) {
  const s = await t.createSite(undefined, undefined, { assignmentMode: opts.auto ? "auto" : "manual" });
  await Site.updateOne(
    { _id: s._id },
    { $set: { visitorGone: { leftAfterMinutes: opts.left ?? 10, closeAfterMinutes: opts.close ?? 30 } } },
  );
  return s;
}

/** Closes the visitor's socket and waits until the server has stamped their chat. */
async function leave(visitor: { socket: { disconnect(): void } }, id: string): Promise<Date> {
  visitor.socket.disconnect();
  await waitForAsync(async () => (await row(id))?.visitorDisconnectedAt != null);
  return (await row(id))?.visitorDisconnectedAt as Date;
}

/** A second connection with the visitor's token: another tab, or the visitor coming back. */
async function tab(siteKey: string, token: string) {
  const socket = t.visitorSocket({ siteKey, visitorToken: token });
  await connected(socket);
  return socket;
}

async function chatWithAgent(siteKey: string, siteId: Types.ObjectId, agentName = "Ana") {
  const ana = await t.staff(siteId, "agent", agentName);
  const visitor = await waitingVisitor(t, siteKey);
  await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
  return { ana, visitor };
}

describe("visitor gone", () => {
  it("should show 'left' after N minutes and not before, to the agent's inbox and the wall", async () => {
    const s = await site();
    const sue = await t.staff(s._id, "supervisor", "Sue");
    const { ana, visitor } = await chatWithAgent(s.key, s._id);
    const inbox = collect<ConversationSummaryDto>(ana.socket, "conversation:updated");
    const wall = collect<WallChatDto>(sue.socket, "wall:chat");

    clock.set(new Date());
    const gone = await leave(visitor, visitor.id);
    expect(gone.getTime()).toBe(clock.now().getTime());

    clock.advance(10 * MINUTE - 1_000);
    await sweep();
    expect((await row(visitor.id))?.visitorLeftAt).toBeNull();
    expect(inbox.filter((c) => c.id === visitor.id && c.visitorLeftAt)).toEqual([]);

    clock.advance(1_000);
    await sweep();
    const leftAt = clock.now().toISOString();
    expect((await row(visitor.id))?.visitorLeftAt?.toISOString()).toBe(leftAt);
    await waitFor(() => latest(inbox, visitor.id)?.visitorLeftAt === leftAt);
    await waitFor(() => latest(wall, visitor.id)?.visitorLeftAt === leftAt);
    expect(latest(inbox, visitor.id)?.status).toBe("active");
    // Marked once: another sweep changes nothing.
    const updates = inbox.length;
    await sweep();
    expect((await row(visitor.id))?.visitorLeftAt?.toISOString()).toBe(leftAt);
    expect(inbox.length).toBe(updates);
  });

  it("should close the chat M minutes after the visitor left, with a note and a reason, and free the agent's slot", async () => {
    const s = await site({ auto: true });
    const ana = await staffMember(t, s._id, { name: "Ana", capacity: 1 });
    const { accepted } = autoAccept(ana);
    const first = await waitingVisitor(t, s.key);
    await waitFor(() => accepted.includes(first.id));
    const second = await waitingVisitor(t, s.key);
    expect((await row(second.id))?.offeredTo).toBeNull(); // Ana is full
    expect((await agentRow(ana.id)).load).toBe(1);

    clock.set(new Date());
    await leave(first, first.id);
    clock.advance(10 * MINUTE);
    await sweep();
    clock.advance(30 * MINUTE - 1_000);
    await sweep();
    expect((await row(first.id))?.status).toBe("active");

    clock.advance(1_000);
    await sweep();
    const closed = await closedRow(first.id);
    expect(closed).toMatchObject({ status: "closed", closeReason: "visitor_left" });
    const page = await ok(ana.socket, "conversation:sync", {
      conversationId: first.id,
      afterSeq: 0,
    });
    expect(page.conversation.closeReason).toBe("visitor_left");
    expect(page.messages.at(-1)).toMatchObject({
      author: { kind: "system" },
      body: "Closed automatically: the visitor left 40 minutes ago",
      internal: false,
    });
    // The freed slot goes to the chat that waited.
    await waitFor(() => accepted.includes(second.id));
    expect((await agentRow(ana.id)).load).toBe(1);
  });

  it("should put the close off while the agent keeps writing", async () => {
    const s = await site();
    const { ana, visitor } = await chatWithAgent(s.key, s._id);
    // Twenty minutes behind the machine's clock: the agent's message below is stamped after the visitor left.
    clock.set(new Date(Date.now() - 20 * MINUTE));
    await leave(visitor, visitor.id);
    clock.advance(10 * MINUTE);
    await sweep();
    expect((await row(visitor.id))?.visitorLeftAt).not.toBeNull();
    await ok(ana.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Still there?" });
    const wrote = (await row(visitor.id))?.lastAgentMessageAt as Date;

    // 30 minutes after leaving would have closed it; 30 minutes after the agent's message does.
    clock.set(new Date(wrote.getTime() + 30 * MINUTE - 1_000));
    await sweep();
    expect((await row(visitor.id))?.status).toBe("active");
    clock.advance(1_000);
    await sweep();
    expect((await closedRow(visitor.id))?.closeReason).toBe("visitor_left");
  });

  it("should withdraw a queued chat whose visitor left: the offer stops ringing and it counts as abandoned", async () => {
    const s = await site({ auto: true });
    const bo = await t.staff(s._id, "agent", "Bo");
    const sue = await t.staff(s._id, "supervisor", "Sue");
    const rung = offersTo(bo.socket, bo.id);
    const seen = collect<ConversationSummaryDto>(bo.socket, "conversation:updated");
    const visitor = await waitingVisitor(t, s.key);
    await waitFor(() => rung.includes(visitor.id));
    expect((await agentRow(bo.id)).load).toBe(1);

    clock.set(new Date());
    await leave(visitor, visitor.id);
    clock.advance(10 * MINUTE - 1_000);
    await sweep();
    expect((await row(visitor.id))?.status).toBe("queued");
    clock.advance(1_000);
    await sweep();

    expect(await closedRow(visitor.id)).toMatchObject({ status: "closed", closeReason: "abandoned", offeredTo: null });
    await waitFor(() => latest(seen, visitor.id)?.status === "closed");
    expect(latest(seen, visitor.id)?.offer).toBeNull();
    expect((await agentRow(bo.id)).load).toBe(0);
    expect((await agentRow(bo.id)).status).toBe("online");
    // It rang Bo (hadAgent), yet the visitor gave up before anyone could answer: abandoned, not missed.
    const { stats } = await ok(sue.socket, "stats:get", { range: "today" });
    expect(stats.chats).toMatchObject({ started: 1, abandoned: 1, missed: 0, waiting: 0 });
  });

  it("should give a returning visitor the same chat, flags cleared, and not close it", async () => {
    const s = await site();
    const { ana, visitor } = await chatWithAgent(s.key, s._id);
    await ok(visitor.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "One more" });
    const inbox = collect<ConversationSummaryDto>(ana.socket, "conversation:updated");
    const sync = (socket: typeof visitor.socket) => ok(socket, "conversation:sync", { afterSeq: 0 });
    const before = await sync(visitor.socket);

    clock.set(new Date());
    await leave(visitor, visitor.id);
    clock.advance(10 * MINUTE);
    await sweep();
    await waitFor(() => latest(inbox, visitor.id)?.visitorLeftAt != null);

    const back = await tab(s.key, visitor.token);
    await waitFor(() => latest(inbox, visitor.id)?.visitorLeftAt === null);
    expect(await row(visitor.id)).toMatchObject({ visitorDisconnectedAt: null, visitorLeftAt: null, status: "active" });
    const page = await sync(back);
    expect(page.conversation).toMatchObject({ id: visitor.id, status: "active" });
    expect(page.messages).toEqual(before.messages);
    expect(page.messages.map((m) => m.body)).toContain("One more");

    clock.advance(60 * MINUTE);
    await sweep();
    expect((await row(visitor.id))?.status).toBe("active");
  });

  it("should not mark the visitor gone while another tab is still open", async () => {
    const s = await site();
    const { visitor } = await chatWithAgent(s.key, s._id);
    const second = await tab(s.key, visitor.token);
    const room = t.server.io.of("/visitor").in(`visitor:${(await row(visitor.id))?.visitor.toHexString()}`);

    visitor.socket.disconnect();
    await waitForAsync(async () => (await room.fetchSockets()).length === 1);
    clock.set(new Date());
    await sweep(); // also looks for visitors whose disconnect was never heard of: this one is still here
    await ok(second, "site:availability", {});
    expect((await row(visitor.id))?.visitorDisconnectedAt).toBeNull();
    clock.advance(60 * MINUTE);
    await sweep();
    expect(await row(visitor.id)).toMatchObject({ status: "active", visitorLeftAt: null });

    second.disconnect();
    await waitForAsync(async () => (await row(visitor.id))?.visitorDisconnectedAt != null);
  });
});

describe("visitor gone, when the disconnect was never heard of", () => {
  it("should stamp a chat whose visitor has no socket on any node at the next sweep", async () => {
    const s = await site();
    const { visitor } = await chatWithAgent(s.key, s._id);
    await leave(visitor, visitor.id);
    // As if the node that held the visitor's socket had died before it could write the stamp.
    await Conversation.updateOne({ _id: visitor.id }, { $set: { visitorDisconnectedAt: null } });
    clock.set(new Date());
    await sweep();
    expect((await row(visitor.id))?.visitorDisconnectedAt?.getTime()).toBe(clock.now().getTime());
    clock.advance(10 * MINUTE);
    await sweep();
    expect((await row(visitor.id))?.visitorLeftAt?.getTime()).toBe(clock.now().getTime());
  });
});

describe("visitor gone, at the same moment", () => {
  it("should leave the chat open when a message or the visitor's return lands between the sweep's read and its close", async () => {
    const s = await site();
    const { ana, visitor } = await chatWithAgent(s.key, s._id);
    clock.set(new Date());
    await leave(visitor, visitor.id);
    clock.advance(10 * MINUTE);
    await sweep();
    const seen = (await row(visitor.id)) as ConversationDoc;
    const { lifecycle } = routingOf();

    // A message after the sweep read the chat: the close is off, and no closing note is written.
    await ok(ana.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Hello?" });
    expect(await lifecycle.autoClose(seen, "visitor_left", "Closed automatically")).toBeNull();
    const after = (await row(visitor.id)) as ConversationDoc;
    expect(after).toMatchObject({ status: "active", lastSeq: seen.lastSeq + 1 });

    // The visitor back after the sweep read the chat: the close is off.
    const back = await tab(s.key, visitor.token);
    await waitForAsync(async () => (await row(visitor.id))?.visitorLeftAt === null);
    expect(await lifecycle.autoClose(after, "visitor_left", "Closed automatically")).toBeNull();
    expect(await row(visitor.id)).toMatchObject({ status: "active", lastSeq: after.lastSeq });
    back.disconnect();
  });
});

describe("closing with a reason", () => {
  it("should store the reason picked, show it in the transcript, and default to resolved", async () => {
    const s = await site();
    const one = await chatWithAgent(s.key, s._id, "Ana");
    const closed = await ok(one.ana.socket, "conversation:close", {
      conversationId: one.visitor.id,
      reason: "spam",
    });
    expect(closed.conversation).toMatchObject({ status: "closed", closeReason: "spam" });
    const page = await ok(one.ana.socket, "conversation:sync", {
      conversationId: one.visitor.id,
      afterSeq: 0,
    });
    expect(page.conversation.closeReason).toBe("spam");
    expect(page.messages.slice(-2)).toMatchObject([
      { author: { kind: "system" }, body: "Ana closed the chat", internal: false },
      { author: { kind: "system" }, body: "Closed as: Spam", internal: true },
    ]);
    // The reason is the team's: the visitor's transcript has the close, not why.
    const theirs = await ok(one.visitor.socket, "conversation:sync", { afterSeq: 0 });
    expect(theirs.messages.map((m) => m.body)).toContain("Ana closed the chat");
    expect(theirs.messages.map((m) => m.body)).not.toContain("Closed as: Spam");

    const two = await chatWithAgent(s.key, s._id, "Bea");
    const plain = await ok(two.ana.socket, "conversation:close", {
      conversationId: two.visitor.id,
    });
    expect(plain.conversation.closeReason).toBe("resolved");
  });

  it("should refuse a reason staff may not pick, or that is not a string, with BAD_REQUEST", async () => {
    const s = await site();
    const { ana, visitor } = await chatWithAgent(s.key, s._id);
    for (const reason of ["visitor_left", "abandoned", "deleted", { $ne: "x" }, 3, null]) {
      const res = await callUnchecked(ana.socket, "conversation:close", { conversationId: visitor.id, reason });
      expect(res).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect((await row(visitor.id))?.status).toBe("active");
  });
});

describe("visitor-gone settings", () => {
  it("should let an admin set the minutes within bounds, and refuse the rest with field errors", async () => {
    const s = await t.createSite();
    const admin = await t.staff(s._id, "admin", "Ada");
    const before = await ok(admin.socket, "site:get", {});
    expect(before.site.visitorGone).toEqual({ leftAfterMinutes: 10, closeAfterMinutes: 30 });

    const saved = await ok(admin.socket, "site:update", {
      visitorGone: { leftAfterMinutes: 5, closeAfterMinutes: 120 },
    });
    expect(saved.site.visitorGone).toEqual({ leftAfterMinutes: 5, closeAfterMinutes: 120 });

    const bad: Array<[unknown, string]> = [
      [{ leftAfterMinutes: 0, closeAfterMinutes: 30 }, "visitorGone.leftAfterMinutes"],
      [{ leftAfterMinutes: 241, closeAfterMinutes: 30 }, "visitorGone.leftAfterMinutes"],
      [{ leftAfterMinutes: 10, closeAfterMinutes: 1441 }, "visitorGone.closeAfterMinutes"],
      [{ leftAfterMinutes: 1.5, closeAfterMinutes: 30 }, "visitorGone.leftAfterMinutes"],
      [{ leftAfterMinutes: "10", closeAfterMinutes: 30 }, "visitorGone.leftAfterMinutes"],
      [{ leftAfterMinutes: 10 }, "visitorGone.closeAfterMinutes"],
      [{ leftAfterMinutes: 10, closeAfterMinutes: 30, extra: 1 }, "visitorGone"],
    ];
    for (const [visitorGone, path] of bad) {
      const res = await callUnchecked(admin.socket, "site:update", { visitorGone });
      expect(res).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      const issues = (res as { error: ErrorBody }).error.issues ?? [];
      expect(issues.map((i) => i.path)).toContain(path);
    }
    const agent = await t.staff(s._id, "agent", "Ana");
    const refused = await call(agent.socket, "site:update", {
      visitorGone: { leftAfterMinutes: 5, closeAfterMinutes: 5 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await ok(admin.socket, "site:get", {})).site.visitorGone).toEqual({
      leftAfterMinutes: 5,
      closeAfterMinutes: 120,
    });
  });
});
