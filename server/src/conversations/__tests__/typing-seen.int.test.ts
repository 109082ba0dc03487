import type { MessageDto, ReadMarkDto, ReadMarkInput, TypingDto } from "@parley/shared";
import { MAX_PREVIEW_LENGTH } from "@parley/shared/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  collect,
  connected,
  msgId,
  ok,
  TestServer,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Conversation, type ConversationDoc } from "../conversation.model.ts";
import { Message } from "../message.model.ts";

// Typing indicators and "Seen" (docs/console.md), and the chat's preview and last message.

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let otherSite: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  [site, otherSite] = [await t.createSite(), await t.createSite()];
});
afterAll(() => t.stop());

type Staff = Awaited<ReturnType<TestServer["staff"]>>;

/** A visitor's chat accepted by a fresh agent, who has it open. */
async function acceptedChat(first = "Hello, I need help") {
  const ana = await t.staff(site._id, "agent", "Ana");
  const visitor = await waitingVisitor(t, site.key, { body: first });
  await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
  await ok(ana.socket, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
  return { ana, visitor };
}

const send = (
  socket: Staff["socket"] | Awaited<ReturnType<typeof waitingVisitor>>["socket"],
  id: string,
  body: string,
) => ok(socket, "message:send", { conversationId: id, clientMsgId: msgId(), body });

const stored = (id: string) => Conversation.findById(id).lean<ConversationDoc>();
const bodies = async (id: string) =>
  (await Message.find({ conversation: id }).sort({ seq: 1 }).lean()).map((m) => m.body);

describe("typing indicators", () => {
  it("should reach the chat's other side only: never another site, never the visitor for a note", async () => {
    const { ana, visitor } = await acceptedChat();
    const sue = await t.staff(site._id, "supervisor", "Sue");
    await ok(sue.socket, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
    const bob = await t.staff(otherSite._id, "supervisor", "Bob");
    const anaHears = collect<TypingDto>(ana.socket, "typing:updated");
    const sueHears = collect<TypingDto>(sue.socket, "typing:updated");
    const bobHears = collect<TypingDto>(bob.socket, "typing:updated");
    const visitorHears = collect<TypingDto>(visitor.socket, "typing:updated");
    const before = await stored(visitor.id);
    const messagesBefore = await bodies(visitor.id);

    await ok(visitor.socket, "typing:set", { conversationId: visitor.id, typing: true });
    await waitFor(() => anaHears.length === 1 && sueHears.length === 1);
    expect(anaHears[0]).toEqual({ conversationId: visitor.id, side: "visitor", name: "Vera Visitor", typing: true });

    // Sue writes a note: Ana hears it, the visitor must not.
    await ok(sue.socket, "typing:set", { conversationId: visitor.id, typing: true, internal: true });
    await waitFor(() => anaHears.length === 2);
    expect(anaHears[1]).toEqual({ conversationId: visitor.id, side: "agent", name: "Sue", typing: true });

    await ok(ana.socket, "typing:set", { conversationId: visitor.id, typing: true });
    await ok(ana.socket, "typing:set", { conversationId: visitor.id, typing: false });
    await waitFor(() => visitorHears.length === 2);
    // In order on one socket: had Sue's note-typing reached the visitor, it would have come before Ana's.
    expect(visitorHears).toEqual([
      { conversationId: visitor.id, side: "agent", name: "Ana", typing: true },
      { conversationId: visitor.id, side: "agent", name: "Ana", typing: false },
    ]);
    await waitFor(() => sueHears.length === 3);
    expect(anaHears).toHaveLength(2); // not her own

    // Another site's supervisor cannot probe the chat, and heard none of it.
    expect(await call(bob.socket, "typing:set", { conversationId: visitor.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(bobHears).toEqual([]);

    // Never stored: no seq taken, no message written.
    const after = await stored(visitor.id);
    expect(after?.lastSeq).toBe(before?.lastSeq);
    expect(await bodies(visitor.id)).toEqual(messagesBefore);
  });

  it("should not replay typing on a resync", async () => {
    const { ana, visitor } = await acceptedChat();
    await ok(ana.socket, "typing:set", { conversationId: visitor.id, typing: true });
    visitor.socket.disconnect();
    const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    const typing = collect<TypingDto>(again, "typing:updated");
    const messages = collect<MessageDto>(again, "message:new");
    await connected(again);
    await ok(again, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
    await send(ana.socket, visitor.id, "Still there?");
    // The message came after the sync on the same socket: a replayed "typing" would have come first.
    await waitFor(() => messages.length === 1);
    expect(typing).toEqual([]);
  });

  it("should refuse bad input, other people's chats, and a flood", async () => {
    const { ana, visitor } = await acceptedChat();
    const intruder = await t.staff(site._id, "agent", "Ida");
    const stranger = await t.visitor(site.key);
    for (const bad of [
      { conversationId: { $ne: null }, typing: true },
      { conversationId: visitor.id, typing: "yes" },
      { conversationId: visitor.id, typing: true, internal: true }, // visitors have no notes
      { conversationId: visitor.id },
    ]) {
      expect(await callUnchecked(visitor.socket, "typing:set", bad)).toMatchObject({
        ok: false,
        error: { code: "BAD_REQUEST" },
      });
    }
    expect(await call(stranger.socket, "typing:set", { conversationId: visitor.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    // A plain agent may look at a queued chat, not type into someone else's.
    expect(await call(intruder.socket, "typing:set", { conversationId: visitor.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    const answers = [];
    for (let i = 0; i < 25; i++) {
      answers.push(await call(ana.socket, "typing:set", { conversationId: visitor.id, typing: i % 2 === 0 }));
    }
    expect(answers.slice(0, 20).every((a) => a.ok)).toBe(true);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});

describe("seen (read marks)", () => {
  it("should raise each side's mark, tell the other side, and never write a message", async () => {
    const { ana, visitor } = await acceptedChat();
    await send(visitor.socket, visitor.id, "Are you there?");
    const lastSeq = (await stored(visitor.id))?.lastSeq ?? 0;
    const visitorSees = collect<ReadMarkDto>(visitor.socket, "conversation:read");
    const anaSees = collect<ReadMarkDto>(ana.socket, "conversation:read");
    const messagesBefore = await bodies(visitor.id);

    expect(await ok(ana.socket, "conversation:read", { conversationId: visitor.id, seq: lastSeq })).toEqual({
      seq: lastSeq,
    });
    await waitFor(() => visitorSees.length === 1);
    expect(visitorSees[0]).toEqual({ conversationId: visitor.id, side: "agent", seq: lastSeq });

    // Lower marks never lower it, and tell no one.
    expect(await ok(ana.socket, "conversation:read", { conversationId: visitor.id, seq: 1 })).toEqual({ seq: lastSeq });

    // A mark past the last message is clamped to it.
    const reply = await send(ana.socket, visitor.id, "Yes!");
    expect(await ok(visitor.socket, "conversation:read", { conversationId: visitor.id, seq: 10_000 })).toEqual({
      seq: reply.message.seq,
    });
    await waitFor(() => anaSees.some((m) => m.side === "visitor"));
    expect(anaSees.find((m) => m.side === "visitor")).toEqual({
      conversationId: visitor.id,
      side: "visitor",
      seq: reply.message.seq,
    });

    const doc = await stored(visitor.id);
    expect(doc).toMatchObject({ agentReadSeq: reply.message.seq, visitorReadSeq: reply.message.seq });
    expect(doc?.lastSeq).toBe(reply.message.seq);
    expect(await bodies(visitor.id)).toEqual([...messagesBefore, "Yes!"]);
  });

  it("should keep read marks across reloads and resyncs", async () => {
    const { ana, visitor } = await acceptedChat();
    const reply = await send(ana.socket, visitor.id, "How can I help?");
    await send(visitor.socket, visitor.id, "My order");
    const { seq } = await ok(ana.socket, "conversation:read", {
      conversationId: visitor.id,
      seq: 1_000,
    });
    await ok(visitor.socket, "conversation:read", { conversationId: visitor.id, seq: reply.message.seq });

    visitor.socket.disconnect();
    const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    await connected(again);
    const page = await ok(again, "conversation:sync", { conversationId: visitor.id, afterSeq: seq });
    expect(page.conversation?.agentReadSeq).toBe(seq);

    ana.socket.disconnect();
    const console2 = t.staffSocket(ana.cookie);
    await connected(console2);
    const opened = await ok(console2, "conversation:sync", { conversationId: visitor.id, afterSeq: 0 });
    expect(opened.conversation.readSeq).toEqual({ visitor: seq, agent: seq });
    const inbox = await ok(console2, "inbox:sync", {});
    const mine = inbox.mine.find((c) => c.id === visitor.id);
    // Unread for staff: every message after the staff mark; none here.
    expect((mine?.lastSeq ?? -1) - (mine?.readSeq.agent ?? 0)).toBe(0);
  });

  it("should refuse bad input, onlookers and strangers, and closed chats", async () => {
    const { ana, visitor } = await acceptedChat();
    const ida = await t.staff(site._id, "agent", "Ida");
    const sue = await t.staff(site._id, "supervisor", "Sue");
    const bob = await t.staff(otherSite._id, "admin", "Bob");
    const stranger = await t.visitor(site.key);
    const visitorSees = collect<ReadMarkDto>(visitor.socket, "conversation:read");
    const code = async (socket: Staff["socket"], payload: ReadMarkInput) => {
      const res = await call(socket, "conversation:read", payload);
      return res.ok ? "ok" : res.error.code;
    };
    for (const bad of [
      { conversationId: { $ne: null }, seq: 1 },
      { conversationId: visitor.id, seq: -1 },
      { conversationId: visitor.id, seq: 1.5 },
      { conversationId: visitor.id, seq: { $gt: 0 } },
      { conversationId: visitor.id, seq: 1, extra: true },
    ]) {
      expect(await callUnchecked(ana.socket, "conversation:read", bad)).toMatchObject({
        ok: false,
        error: { code: "BAD_REQUEST" },
      });
    }
    const mark = { conversationId: visitor.id, seq: 1 };
    expect(await code(ida.socket, mark)).toBe("FORBIDDEN"); // not her chat
    expect(await code(sue.socket, mark)).toBe("FORBIDDEN"); // watching is not reading for the visitor
    expect(await code(bob.socket, mark)).toBe("NOT_FOUND"); // another site
    expect(await code(stranger.socket, mark)).toBe("NOT_FOUND"); // another visitor's chat
    expect((await stored(visitor.id))?.agentReadSeq).toBe(0);

    // A supervisor who joined answers the chat beside Ana, so their reading counts.
    await ok(sue.socket, "conversation:join", { conversationId: visitor.id });
    expect(await code(sue.socket, mark)).toBe("ok");
    await waitFor(() => visitorSees.length === 1);

    await ok(ana.socket, "conversation:close", { conversationId: visitor.id });
    expect(await code(ana.socket, mark)).toBe("CONVERSATION_CLOSED");
    expect(await code(visitor.socket, mark)).toBe("CONVERSATION_CLOSED");
    expect(await call(visitor.socket, "typing:set", { conversationId: visitor.id, typing: true })).toMatchObject({
      ok: false,
      error: { code: "CONVERSATION_CLOSED" },
    });
  });
});

describe("a chat's preview and last message", () => {
  it("should keep the first words, the last visible message, and never count one's own messages unread", async () => {
    const long = `Hello   there\n${"x".repeat(300)}`;
    const { ana, visitor } = await acceptedChat(long);
    const sue = await t.staff(site._id, "supervisor", "Sue");
    let doc = await stored(visitor.id);
    expect(doc?.preview).toHaveLength(MAX_PREVIEW_LENGTH);
    expect(doc?.preview?.startsWith("Hello there xxx")).toBe(true);
    expect(doc?.visitorReadSeq).toBe(1);

    const reply = await send(ana.socket, visitor.id, "Hi, I'm Ana");
    doc = await stored(visitor.id);
    expect(doc?.lastMessage).toMatchObject({ seq: reply.message.seq, authorKind: "agent", body: "Hi, I'm Ana" });
    expect(doc?.agentReadSeq).toBe(reply.message.seq);

    // A note: not the last message, and not "Seen" for the visitor.
    await ok(sue.socket, "conversation:whisper", { conversationId: visitor.id, clientMsgId: msgId(), body: "psst" });
    doc = await stored(visitor.id);
    expect(doc?.lastMessage?.body).toBe("Hi, I'm Ana");
    expect(doc?.agentReadSeq).toBe(reply.message.seq);
    // ...but it is unread for Ana: unread counts every message after the staff mark.
    expect((doc?.lastSeq ?? 0) - (doc?.agentReadSeq ?? 0)).toBe(1);

    const asked = await send(visitor.socket, visitor.id, "Thanks, one more thing");
    doc = await stored(visitor.id);
    expect(doc?.lastMessage).toMatchObject({ seq: asked.message.seq, authorKind: "visitor" });
    expect(doc?.visitorReadSeq).toBe(asked.message.seq);
    expect(doc?.preview?.startsWith("Hello there")).toBe(true); // the first message stays the preview

    const inbox = await ok(ana.socket, "inbox:sync", {});
    expect(inbox.mine.find((c) => c.id === visitor.id)).toMatchObject({
      preview: doc?.preview,
      lastMessage: { seq: asked.message.seq, authorKind: "visitor", body: "Thanks, one more thing" },
      readSeq: { visitor: asked.message.seq, agent: reply.message.seq },
    });
  });

  it("should get the seq right when the server has not seen the chat before (a restart)", async () => {
    const { ana, visitor } = await acceptedChat();
    await send(visitor.socket, visitor.id, "one");
    await send(visitor.socket, visitor.id, "two");
    await t.restart();
    const console2 = t.staffSocket(ana.cookie);
    await connected(console2);
    const reply = await send(console2, visitor.id, "after the restart");
    const doc = await stored(visitor.id);
    expect(reply.message.seq).toBe(doc?.lastSeq);
    expect(doc?.lastMessage).toMatchObject({ seq: reply.message.seq, body: "after the restart" });
    expect(doc?.agentReadSeq).toBe(reply.message.seq);
  });
});
