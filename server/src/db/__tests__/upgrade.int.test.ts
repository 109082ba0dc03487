// A database written by an older version (before messages were keyed by seq and sessions by hash), started by this one:
// what it stored still works. The old shapes are written straight into the collections while the server is down, and
// the one-off migrations are made to run again, as on the first start of this version.
import { AGENT_SESSION_COOKIE } from "@parley/shared/constants";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connected, ok, startInput, TestServer } from "../../../test/harness.ts";
import { ClosedConversation, Conversation } from "../../conversations/conversation.model.ts";
import { hashToken, mintToken } from "../../security/opaque-token.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

describe("a database from an older version", () => {
  it("should keep old visitors, sessions, chats and messages working after the upgrade", async () => {
    const agent = await t.staff(site._id, "agent", "Ana Agent");
    const visitorToken = mintToken();
    const sessionToken = mintToken();
    const visitorId = new Types.ObjectId();
    const openChat = new Types.ObjectId();
    const closedChat = new Types.ObjectId();
    const at = new Date(Date.now() - 60_000);
    const chat = (id: Types.ObjectId, status: "active" | "closed") => ({
      _id: id,
      site: site._id,
      visitor: visitorId,
      visitorName: "Olga Old",
      visitorEmail: null,
      environment: null,
      status,
      assignee: agent.agent._id,
      assigneeName: "Ana Agent",
      lastSeq: 2,
      openKey: status === "closed" ? `closed:${id.toHexString()}` : `open:${visitorId.toHexString()}`,
      assignedAt: at,
      product: null,
      offeredTo: null,
      offeredToName: null,
      offerExpiresAt: null,
      declinedBy: [],
      closedAt: status === "closed" ? at : null,
      hadAgent: true,
      participants: [],
      firstAgentReplyAt: null,
      lastVisitorMessageAt: at,
      lastAgentMessageAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const message = (conversation: Types.ObjectId, seq: number, body: string) => ({
      _id: new Types.ObjectId(),
      conversation,
      seq,
      clientMsgId: `old-message-${conversation.toHexString().slice(-6)}-${seq}`,
      authorKind: seq === 1 ? "visitor" : "agent",
      authorId: seq === 1 ? null : agent.agent._id,
      authorName: seq === 1 ? "Olga Old" : "Ana Agent",
      body,
      internal: false,
      attachments: [],
      createdAt: at,
    });

    await t.restart(async (db) => {
      // As the old version stored them: a visitor found by the hash on its own row, a session under an ObjectId,
      // a closed chat among the open ones, messages under ObjectIds, and no record of this version's migrations.
      await db.collection("visitors").insertOne({
        _id: visitorId,
        site: site._id,
        tokenHash: hashToken(visitorToken),
        name: "Olga Old",
        email: null,
        createdAt: at,
        updatedAt: at,
      });
      await db.collection("agentsessions").insertOne({
        _id: new Types.ObjectId(),
        tokenHash: hashToken(sessionToken),
        agent: agent.agent._id,
        createdAt: at,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      await db.collection("conversations").insertMany([chat(openChat, "active"), chat(closedChat, "closed")]);
      await db
        .collection("messages")
        .insertMany([
          message(openChat, 1, "Hello from before"),
          message(openChat, 2, "Hi, how can I help?"),
          message(closedChat, 1, "An old question"),
          message(closedChat, 2, "An old answer"),
        ]);
      await db.collection("migrations").deleteMany({});
    });

    // The closed chat left the open ones at start; the open one stayed.
    expect(await ClosedConversation.exists({ _id: closedChat })).not.toBeNull();
    expect(await Conversation.exists({ _id: closedChat })).toBeNull();
    expect(await Conversation.exists({ _id: openChat })).not.toBeNull();

    // The old session still signs the console in, and the old visitor token still opens the widget.
    const staff = t.staffSocket(`${AGENT_SESSION_COOKIE}=${sessionToken}`);
    await connected(staff);
    const widget = t.visitorSocket({ siteKey: site.key, visitorToken });
    await connected(widget);

    // Without a conversation id the widget gets the visitor's latest chat, with its old messages, in order.
    const latest = await ok(widget, "conversation:sync", { afterSeq: 0 });
    expect(latest.conversation?.id).toBe(openChat.toHexString());
    expect(latest.messages.map((m) => m.body)).toEqual(["Hello from before", "Hi, how can I help?"]);

    // New messages in the old chat carry on its seqs, and a resync reads old and new alike.
    const sent = await ok(widget, "message:send", {
      conversationId: openChat.toHexString(),
      clientMsgId: "after-upgrade-1",
      body: "Still there?",
    });
    expect(sent.message.seq).toBe(3);
    const again = await ok(widget, "message:send", {
      conversationId: openChat.toHexString(),
      clientMsgId: "after-upgrade-1",
      body: "Still there?",
    });
    expect(again.message.id).toBe(sent.message.id);
    // A resend of a message stored by the old version is answered with it, not stored twice.
    const oldResend = await ok(widget, "message:send", {
      conversationId: openChat.toHexString(),
      clientMsgId: `old-message-${openChat.toHexString().slice(-6)}-1`,
      body: "Hello from before",
    });
    expect(oldResend.message.seq).toBe(1);
    const page = await ok(widget, "conversation:sync", {
      conversationId: openChat.toHexString(),
      afterSeq: 0,
    });
    expect(page.messages.map((m) => [m.seq, m.body])).toEqual([
      [1, "Hello from before"],
      [2, "Hi, how can I help?"],
      [3, "Still there?"],
    ]);

    // The closed chat's transcript, from the history.
    const closed = await ok(staff, "conversation:sync", {
      conversationId: closedChat.toHexString(),
      afterSeq: 0,
    });
    expect(closed.messages.map((m) => m.body)).toEqual(["An old question", "An old answer"]);

    // Closed now, the old chat keeps its whole transcript, old messages and new (a regression: archiving it once
    // gave it the keyed-messages flag of new chats, and its old messages were looked for under keys).
    await ok(staff, "conversation:close", { conversationId: openChat.toHexString() });
    const archived = await ok(staff, "conversation:sync", {
      conversationId: openChat.toHexString(),
      afterSeq: 0,
    });
    expect(archived.messages.map((m) => m.body)).toEqual([
      "Hello from before",
      "Hi, how can I help?",
      "Still there?",
      "Ana Agent closed the chat",
      "Closed as: Resolved",
    ]);

    // A new chat can start once the old one is closed.
    const started = await ok(widget, "conversation:start", startInput());
    expect(started.conversation.id).not.toBe(openChat.toHexString());
  });
});
