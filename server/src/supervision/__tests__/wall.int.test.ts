import type { MessageDto, WallAlertDto, WallChatDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  collect,
  connected,
  lastOf,
  ManualClock,
  msgId,
  ok,
  sleep,
  TestServer,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Site } from "../../sites/site.model.ts";

const clock = new ManualClock(new Date());
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  // Alerts are checked by the test, after it moves the clock.
  t = await TestServer.start(undefined, { CHAT_ALERT_INTERVAL_MS: "600000" }, clock.now);
  site = await t.createSite();
  await Site.updateOne(
    { _id: site._id },
    { $set: { supervision: { queueWaitAlertSeconds: 60, unansweredAlertSeconds: 90 } } },
  );
});
afterAll(() => t.stop());

const latest = (chats: WallChatDto[], id: string) => lastOf(chats, (c) => c.id === id);

describe("the supervisors' wall", () => {
  it("should show a new chat, its assignment and its messages live, and the floor on sync", async () => {
    const sue = await t.staff(site._id, "supervisor", "Sue");
    const ana = await t.staff(site._id, "agent", "Ana");
    const wall = collect<WallChatDto>(sue.socket, "wall:chat");
    const agentsSee = collect<WallChatDto>(ana.socket, "wall:chat");

    const visitor = await waitingVisitor(t, site.key);
    await waitFor(() => latest(wall, visitor.id)?.status === "queued");
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    await waitFor(() => latest(wall, visitor.id)?.assignee?.name === "Ana");
    await ok(visitor.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Hello?" });
    await waitFor(() => latest(wall, visitor.id)?.lastVisitorMessageAt !== null);
    expect(latest(wall, visitor.id)?.lastAgentMessageAt).toBeNull();
    await ok(ana.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Hi!" });
    await waitFor(() => latest(wall, visitor.id)?.firstAgentReplyAt !== null);

    const snapshot = await ok(sue.socket, "wall:sync", {});
    const chat = snapshot.chats.find((c) => c.id === visitor.id);
    expect(chat).toMatchObject({ status: "active", assignee: { name: "Ana" }, visitorName: "Vera Visitor" });
    expect(Date.parse(chat?.lastAgentMessageAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(chat?.lastVisitorMessageAt ?? ""),
    );
    expect(snapshot.agents.find((a) => a.name === "Ana")).toMatchObject({ status: "online", load: 1 });
    expect(snapshot.settings).toEqual({ queueWaitAlertSeconds: 60, unansweredAlertSeconds: 90 });
    // Agents are not in the wall's room.
    expect(agentsSee).toEqual([]);
  });

  it("should carry a whisper to the agent and never to the visitor, not even on a resync", async () => {
    const sam = await t.staff(site._id, "supervisor", "Sam");
    const bo = await t.staff(site._id, "agent", "Bo");
    const visitor = await waitingVisitor(t, site.key);
    await ok(bo.socket, "conversation:accept", { conversationId: visitor.id });
    const agentSees = collect<MessageDto>(bo.socket, "message:new");
    await ok(bo.socket, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });

    const { message } = await ok(sam.socket, "conversation:whisper", {
      conversationId: visitor.id,
      clientMsgId: msgId(),
      body: "Offer the refund",
    });
    expect(message).toMatchObject({ internal: true, author: { name: "Sam" } });
    await waitFor(() => agentSees.some((m) => m.body === "Offer the refund"));
    // The agent's next message proves the visitor's socket is live and in order; the whisper never came.
    await ok(bo.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Let me check" });
    await waitFor(() => visitor.messages.some((m) => m.body === "Let me check"));
    expect(visitor.messages.map((m) => m.body)).not.toContain("Offer the refund");

    // A reload: a new socket resyncs the whole conversation from the start.
    visitor.socket.disconnect();
    const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    await connected(again);
    const page = await ok(again, "conversation:sync", { afterSeq: 0 });
    expect(page.messages.map((m) => m.body)).toContain("Let me check");
    expect(page.messages.map((m) => m.body)).not.toContain("Offer the refund");
    expect(page.messages.every((m) => !m.internal)).toBe(true);
    // Staff still see it on their resync.
    const staffPage = await ok(bo.socket, "conversation:sync", {
      conversationId: visitor.id,
      afterSeq: 0,
    });
    expect(staffPage.messages.map((m) => m.body)).toContain("Offer the refund");
  });

  it("should let a supervisor join a chat and answer the visitor as themselves", async () => {
    const sia = await t.staff(site._id, "supervisor", "Sia");
    const cy = await t.staff(site._id, "agent", "Cy");
    const visitor = await waitingVisitor(t, site.key);
    await ok(cy.socket, "conversation:accept", { conversationId: visitor.id });

    // Before joining, a supervisor may watch but not answer.
    const early = await call(sia.socket, "message:send", {
      conversationId: visitor.id,
      clientMsgId: msgId(),
      body: "x",
    });
    expect(early).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const { conversation } = await ok(sia.socket, "conversation:join", {
      conversationId: visitor.id,
    });
    expect(conversation.assignee?.name).toBe("Cy");
    await ok(sia.socket, "conversation:join", { conversationId: visitor.id }); // a second join changes nothing
    await ok(sia.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "I can help" });
    await waitFor(() => visitor.messages.some((m) => m.body === "I can help"));
    const said = visitor.messages.map((m) => [m.author.kind, m.author.name, m.body]);
    expect(said.filter(([, , body]) => body === "Sia (supervisor) joined the chat")).toEqual([
      ["system", "Parley", "Sia (supervisor) joined the chat"],
    ]);
    expect(said).toContainEqual(["agent", "Sia", "I can help"]);
    // The agent still answers too.
    await ok(cy.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Thanks, Sia" });
  });

  it("should refuse a whisper's id reused by the visitor, rather than answer with the whisper", async () => {
    const sid = await t.staff(site._id, "supervisor", "Sid");
    const ivy = await t.staff(site._id, "agent", "Ivy");
    const visitor = await waitingVisitor(t, site.key);
    await ok(ivy.socket, "conversation:accept", { conversationId: visitor.id });
    await ok(sid.socket, "conversation:whisper", {
      conversationId: visitor.id,
      clientMsgId: "whisper-id-1234",
      body: "Refund max 20%",
    });
    const reused = await call(visitor.socket, "message:send", {
      conversationId: visitor.id,
      clientMsgId: "whisper-id-1234",
      body: "hello",
    });
    expect(reused).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(JSON.stringify(reused)).not.toContain("Refund");
  });

  it("should end a joined supervisor's right to answer when the chat changes hands", async () => {
    const sky = await t.staff(site._id, "supervisor", "Sal");
    const jo = await t.staff(site._id, "agent", "Jo");
    const kim = await t.staff(site._id, "agent", "Kim");
    const visitor = await waitingVisitor(t, site.key);
    await ok(jo.socket, "conversation:accept", { conversationId: visitor.id });
    await ok(sky.socket, "conversation:join", { conversationId: visitor.id });
    await ok(sky.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Joined" });
    await ok(jo.socket, "conversation:transfer", {
      conversationId: visitor.id,
      to: { kind: "agent", agentId: kim.id },
    });
    const after = await call(sky.socket, "message:send", {
      conversationId: visitor.id,
      clientMsgId: msgId(),
      body: "x",
    });
    expect(after).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("should stop a demoted supervisor hearing the chats they watched, whispers included", async () => {
    const admin = await t.staff(site._id, "admin", "Abe");
    const lee = await t.staff(site._id, "supervisor", "Lee");
    const max = await t.staff(site._id, "agent", "Max");
    const visitor = await waitingVisitor(t, site.key);
    await ok(max.socket, "conversation:accept", { conversationId: visitor.id });
    await ok(lee.socket, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
    const heard = collect<MessageDto>(lee.socket, "message:new");
    await ok(admin.socket, "agent:update", { agentId: lee.id, role: "agent" });
    await sleep(100);
    await ok(admin.socket, "conversation:whisper", {
      conversationId: visitor.id,
      clientMsgId: msgId(),
      body: "secret",
    });
    await ok(max.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "after" });
    await waitFor(() => visitor.messages.some((m) => m.body === "after"));
    await sleep(100);
    expect(heard.map((m) => m.body)).toEqual([]);
  });

  it("should refuse every supervisor event to an agent", async () => {
    const dee = await t.staff(site._id, "agent", "Dee");
    const eve = await t.staff(site._id, "agent", "Eve");
    const visitor = await waitingVisitor(t, site.key);
    await ok(eve.socket, "conversation:accept", { conversationId: visitor.id });
    for (const [event, payload] of [
      ["wall:sync", {}],
      ["conversation:whisper", { conversationId: visitor.id, clientMsgId: msgId(), body: "psst" }],
      ["conversation:join", { conversationId: visitor.id }],
      ["stats:get", { range: "today" }],
    ] as const) {
      expect(await call(dee.socket, event, payload)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    // Nor can an agent watch a colleague's chat.
    const peek = await call(dee.socket, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
    expect(peek).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("should put an agent promoted to supervisor on the wall at once", async () => {
    const admin = await t.staff(site._id, "admin", "Ada");
    const fay = await t.staff(site._id, "agent", "Fay");
    const wall = collect<WallChatDto>(fay.socket, "wall:chat");
    await ok(admin.socket, "agent:update", { agentId: fay.id, role: "supervisor" });
    await sleep(50);
    const visitor = await waitingVisitor(t, site.key);
    await waitFor(() => wall.some((c) => c.id === visitor.id));
    expect((await call(fay.socket, "wall:sync", {})).ok).toBe(true);
  });
});

describe("chat alerts", () => {
  it("should raise a queue alert past the threshold and clear it when the chat is taken", async () => {
    const sol = await t.staff(site._id, "supervisor", "Sol");
    const alerts = collect<WallAlertDto>(sol.socket, "wall:alert");
    clock.set(new Date());
    const visitor = await waitingVisitor(t, site.key);
    const id = `queue_wait:${visitor.id}`;
    clock.advance(59_000);
    await t.server.chatAlerts.check();
    expect(alerts.filter((a) => a.id === id)).toEqual([]);
    clock.advance(2_000);
    await t.server.chatAlerts.check();
    await waitFor(() => alerts.some((a) => a.id === id && a.active));
    expect((await ok(sol.socket, "wall:sync", {})).alerts.map((a) => a.id)).toContain(id);

    const gus = await t.staff(site._id, "agent", "Gus");
    await ok(gus.socket, "conversation:accept", { conversationId: visitor.id });
    await waitFor(() => lastOf(alerts, (a) => a.id === id)?.active === false);
    expect((await ok(sol.socket, "wall:sync", {})).alerts.map((a) => a.id)).not.toContain(id);
  });

  it("should count an unanswered wait from when the agent took the chat, not from the queue", async () => {
    const sue = await t.staff(site._id, "supervisor", "Sun");
    const alerts = collect<WallAlertDto>(sue.socket, "wall:alert");
    const visitor = await waitingVisitor(t, site.key);
    const id = `unanswered:${visitor.id}`;
    // The chat waited 80 s in the queue (the queue alert fires at 60 s), then Nia took it.
    await Conversation.updateOne(
      { _id: visitor.id },
      { $set: { lastVisitorMessageAt: new Date(Date.now() - 80_000) } },
    );
    clock.set(new Date());
    const nia = await t.staff(site._id, "agent", "Nia");
    await ok(nia.socket, "conversation:accept", { conversationId: visitor.id });
    clock.advance(30_000); // 110 s since the visitor wrote, 30 s since Nia took it: under the 90 s threshold
    await t.server.chatAlerts.check();
    await sleep(100);
    expect(alerts.filter((a) => a.id === id)).toEqual([]);
    clock.advance(61_000);
    await t.server.chatAlerts.check();
    await waitFor(() => alerts.some((a) => a.id === id && a.active));
  });

  it("should raise an unanswered alert when the visitor waits for an answer, and clear it on the reply", async () => {
    const sky = await t.staff(site._id, "supervisor", "Sky");
    const alerts = collect<WallAlertDto>(sky.socket, "wall:alert");
    clock.set(new Date());
    const hal = await t.staff(site._id, "agent", "Hal");
    const visitor = await waitingVisitor(t, site.key);
    await ok(hal.socket, "conversation:accept", { conversationId: visitor.id });
    const id = `unanswered:${visitor.id}`;
    clock.advance(91_000);
    await t.server.chatAlerts.check();
    await waitFor(() => alerts.some((a) => a.id === id && a.active));
    expect(lastOf(alerts, (a) => a.id === id)).toMatchObject({ kind: "unanswered", visitorName: "Vera Visitor" });

    await ok(hal.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Sorry, here" });
    await waitFor(() => lastOf(alerts, (a) => a.id === id)?.active === false);
  });
});
