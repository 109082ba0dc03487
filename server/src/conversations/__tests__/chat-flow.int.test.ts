import type { MessageDto, VisitorConversationDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, ok, startInput, TestServer, waitFor } from "../../../test/harness.ts";
import { Message } from "../message.model.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

describe("a chat from the widget to the console", () => {
  it("should queue a visitor's chat, let an agent accept it, and carry messages both ways", async () => {
    const { socket: staff, agent } = await t.staff(site._id, "agent", "Ana Agent");
    const inboxUpdates = collect<{ id: string; status: string }>(staff, "conversation:updated");
    const visitor = await t.visitor(site.key);
    const visitorUpdates = collect<VisitorConversationDto>(visitor.socket, "conversation:updated");
    const visitorInbox = collect<MessageDto>(visitor.socket, "message:new");

    const started = await ok(visitor.socket, "conversation:start", startInput("My printer is on fire"));
    expect(started.conversation.status).toBe("queued");
    expect(started.message).toMatchObject({ seq: 1, body: "My printer is on fire", author: { kind: "visitor" } });

    await waitFor(() => inboxUpdates.some((c) => c.id === started.conversation.id && c.status === "queued"));
    const inbox = await ok(staff, "inbox:sync", {});
    expect(inbox.waiting.map((c) => c.id)).toContain(started.conversation.id);

    const opened = await ok(staff, "conversation:sync", {
      conversationId: started.conversation.id,
      afterSeq: 0,
    });
    expect(opened.messages.map((m) => m.body)).toEqual(["My printer is on fire"]);
    expect(opened.conversation.visitor).toEqual({ name: "Vera Visitor", email: "vera@example.test" });
    expect(opened.conversation.environment?.url).toBe("https://shop.example.test/checkout");

    const accepted = await ok(staff, "conversation:accept", {
      conversationId: started.conversation.id,
    });
    expect(accepted.conversation).toMatchObject({ status: "active", assignee: { id: agent._id.toHexString() } });
    await waitFor(() => visitorUpdates.some((c) => c.status === "active" && c.assigneeName === "Ana Agent"));

    const staffInbox = collect<MessageDto>(staff, "message:new");
    await ok(staff, "message:send", {
      conversationId: started.conversation.id,
      clientMsgId: "agent-reply-1",
      body: "Unplug it!",
    });
    await waitFor(() => visitorInbox.some((m) => m.body === "Unplug it!"));
    const reply = visitorInbox.find((m) => m.body === "Unplug it!");
    expect(reply?.author).toMatchObject({ kind: "agent", name: "Ana Agent" });

    await ok(visitor.socket, "message:send", {
      conversationId: started.conversation.id,
      clientMsgId: "visitor-msg-2",
      body: "Done, thanks",
    });
    await waitFor(() => staffInbox.some((m) => m.body === "Done, thanks"));

    const stored = await Message.find({ conversation: started.conversation.id }).sort({ seq: 1 }).lean();
    expect(stored.map((m) => [m.authorKind, m.body])).toEqual([
      ["visitor", "My printer is on fire"],
      ["system", "Ana Agent joined the chat"],
      ["agent", "Unplug it!"],
      ["visitor", "Done, thanks"],
    ]);
    expect(stored.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it("should store a message sent twice with one clientMsgId exactly once", async () => {
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const send = { conversationId: started.conversation.id, clientMsgId: "retry-me-123", body: "Are you there?" };

    const [a, b] = await Promise.all([
      ok(visitor.socket, "message:send", send),
      ok(visitor.socket, "message:send", send),
    ]);
    const c = await ok(visitor.socket, "message:send", send);

    expect(b.message.id).toBe(a.message.id);
    expect(c.message).toEqual(a.message);
    expect(await Message.countDocuments({ conversation: started.conversation.id, clientMsgId: "retry-me-123" })).toBe(
      1,
    );
  });

  it("should also dedupe a retried conversation:start", async () => {
    const visitor = await t.visitor(site.key);
    const input = startInput("first words");
    const first = await ok(visitor.socket, "conversation:start", input);
    const again = await ok(visitor.socket, "conversation:start", input);
    expect(again.conversation.id).toBe(first.conversation.id);
    expect(again.message.id).toBe(first.message.id);
    expect(await Message.countDocuments({ conversation: first.conversation.id })).toBe(1);
  });

  it("should let the visitor find their conversation and its history after a reload", async () => {
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput("remember me"));
    await ok(visitor.socket, "message:send", {
      conversationId: started.conversation.id,
      clientMsgId: "second-msg",
      body: "and me",
    });
    visitor.socket.disconnect();

    // A reload: same token, new socket, no conversation id known yet.
    const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    const page = await ok(again, "conversation:sync", { afterSeq: 0 });
    expect(page.conversation?.id).toBe(started.conversation.id);
    expect(page.messages.map((m) => m.body)).toEqual(["remember me", "and me"]);
  });

  it("should close a conversation and refuse further messages with CONVERSATION_CLOSED", async () => {
    const { socket: staff } = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    await ok(staff, "conversation:accept", { conversationId: started.conversation.id });
    const closed = await ok(staff, "conversation:close", {
      conversationId: started.conversation.id,
    });
    expect(closed.conversation.status).toBe("closed");

    const late = await visitor.socket.timeout(5000).emitWithAck("message:send", {
      conversationId: started.conversation.id,
      clientMsgId: "too-late-1",
      body: "hello?",
    });
    expect(late).toEqual({ ok: false, error: { code: "CONVERSATION_CLOSED", message: expect.any(String) } });

    // A new chat can start once the old one is closed.
    const next = await ok(visitor.socket, "conversation:start", startInput("new topic"));
    expect(next.conversation.id).not.toBe(started.conversation.id);
  });
});
