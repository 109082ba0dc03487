import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok, staffMember, TestServer, waitingVisitor } from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Site } from "../../sites/site.model.ts";

// Staff of one site must not reach another site's chats, agents or settings through the routing and admin
// events; another site's ids are reported as not found, so they cannot even be probed.
let t: TestServer;
let ours: Awaited<ReturnType<TestServer["createSite"]>>;
let theirs: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  ours = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
  theirs = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
});
afterAll(() => t.stop());

describe("staff of one site and another site's data", () => {
  it("should not transfer to, decline, accept, edit or list another site's chats and agents", async () => {
    const ana = await t.staff(ours._id, "agent", "Ana Ours");
    // Capacity 0: the admin is never offered our chats, so Ana is the one who gets them.
    const admin = await staffMember(t, ours._id, { role: "admin", name: "Ada Ours", capacity: 0 });
    const bo = await t.staff(theirs._id, "agent", "Bo Theirs");

    const theirChat = await waitingVisitor(t, theirs.key);
    // Their chat rings their agent; ours cannot decline or take it.
    expect((await Conversation.findById(theirChat.id).lean())?.offeredTo?.toHexString()).toBe(
      bo.agent._id.toHexString(),
    );
    for (const event of ["offer:decline", "conversation:accept", "conversation:close"] as const) {
      const res = await call(ana.socket, event, { conversationId: theirChat.id });
      expect(res, event).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }

    // Our chat cannot be handed to their agent.
    const ourChat = await waitingVisitor(t, ours.key);
    await ok(ana.socket, "conversation:accept", { conversationId: ourChat.id });
    const transfer = await call(ana.socket, "conversation:transfer", {
      conversationId: ourChat.id,
      to: { kind: "agent", agentId: bo.agent._id.toHexString() },
    });
    expect(transfer).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await Conversation.findById(ourChat.id).lean())?.assignee?.toHexString()).toBe(ana.agent._id.toHexString());

    // Our admin cannot edit their agent, and sees only our team.
    const edit = await call(admin.socket, "agent:update", { agentId: bo.agent._id.toHexString(), disabled: true });
    expect(edit).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(bo.socket.connected).toBe(true);
    const team = await ok(admin.socket, "team:list", {});
    expect(team.agents.map((a) => a.name).sort()).toEqual(["Ada Ours", "Ana Ours"]);

    // Our settings change ours only.
    await ok(admin.socket, "site:update", { assignmentMode: "manual" });
    expect((await Site.findById(theirs._id).lean())?.assignmentMode).toBe("auto");
    expect((await Site.findById(ours._id).lean())?.assignmentMode).toBe("manual");
  });
});
