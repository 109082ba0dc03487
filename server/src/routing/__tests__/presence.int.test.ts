// Presence (docs/console.md): "an agent whose last console tab closes becomes offline after a short grace period, so a
// reload is not a logout", and only online agents are offered chats.
import type { TeamMemberDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agentRow,
  collect,
  connected,
  offersTo,
  ok,
  sleep,
  staffMember,
  TestServer,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";

/** Short, so the suite is quick; long enough that a reconnect on loopback lands well inside it. */
const GRACE_MS = 800;

let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start(undefined, { PRESENCE_GRACE_MS: String(GRACE_MS) });
});
afterAll(() => t.stop());

async function team() {
  const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
  const lead = await staffMember(t, site._id, { name: "Sam", role: "supervisor" });
  await ok(lead.socket, "presence:set", { status: "away" }); // watching, not taking chats
  const seen = collect<TeamMemberDto>(lead.socket, "agent:updated");
  return { site, lead, seen };
}

describe("presence", () => {
  it("should keep an agent online through a reload within the grace period", async () => {
    const { site, seen } = await team();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    ana.socket.disconnect();
    const reloaded = t.staffSocket(ana.cookie);
    await connected(reloaded);
    await sleep(GRACE_MS + 400);
    expect((await agentRow(ana.id)).status).toBe("online");
    expect(seen.filter((m) => m.id === ana.id && m.status !== "online")).toEqual([]);
  });

  it("should set an agent offline once their last tab has been closed for the grace period", async () => {
    const { site, seen } = await team();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const secondTab = t.staffSocket(ana.cookie);
    await connected(secondTab);

    ana.socket.disconnect();
    await sleep(GRACE_MS + 400);
    expect((await agentRow(ana.id)).status).toBe("online"); // one tab is still open

    secondTab.disconnect();
    const closedAt = Date.now();
    expect((await agentRow(ana.id)).status).toBe("online"); // not at once: this could be a reload
    await waitFor(() => seen.some((m) => m.id === ana.id && m.status === "offline"), 5_000);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(GRACE_MS - 50);
    // Offline is what everyone sees; what she picked is kept for her return.
    expect(await agentRow(ana.id)).toMatchObject({ status: "offline", preferredStatus: "online" });
  });

  it("should bring an agent back with the status they last picked", async () => {
    const { site } = await team();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    await ok(ana.socket, "presence:set", { status: "away" });
    ana.socket.disconnect();
    await waitForAsync(async () => (await agentRow(ana.id)).status === "offline", 5_000);

    const back = t.staffSocket(ana.cookie);
    await connected(back);
    await waitForAsync(async () => (await agentRow(ana.id)).status === "away");
    const inbox = await ok(back, "inbox:sync", {});
    expect(inbox.me.status).toBe("away");
  });

  it("should take back an offer from an agent who goes offline, and offer it to someone online", async () => {
    const { site } = await team();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const v = await waitingVisitor(t, site.key);
    expect((await Conversation.findById(v.id).lean())?.offeredTo?.toHexString()).toBe(ana.id);
    const bo = await staffMember(t, site._id, { name: "Bo" });
    const boRang = offersTo(bo.socket, bo.id);

    ana.socket.disconnect();
    await waitFor(() => boRang.includes(v.id), 5_000);
    expect(await agentRow(ana.id)).toMatchObject({ status: "offline", load: 0 });
    expect((await agentRow(bo.id)).load).toBe(1);
  });

  it("should take back an agent's offers when they step away, and offer them chats again when back", async () => {
    const { site } = await team();
    const ana = await staffMember(t, site._id, { name: "Ana", capacity: 1 });
    const anaRang = offersTo(ana.socket, ana.id);
    const v = await waitingVisitor(t, site.key);
    const w = await waitingVisitor(t, site.key); // waits: Ana's one slot is ringing with v
    await waitFor(() => anaRang.includes(v.id));

    await ok(ana.socket, "presence:set", { status: "away" });
    expect(await Conversation.findById(v.id).lean()).toMatchObject({ status: "queued", offeredTo: null });
    expect((await agentRow(ana.id)).load).toBe(0);
    await sleep(200);
    expect(anaRang).toEqual([v.id]);
    // Nobody online now: the visitors are told so.
    await waitFor(() => w.queue.at(-1)?.agentsOnline === 0);

    await ok(ana.socket, "presence:set", { status: "online" });
    // Back online: the oldest chat rings her again; the other still waits for her one slot.
    await waitFor(() => anaRang.length === 2);
    expect(anaRang).toEqual([v.id, v.id]);
    expect((await Conversation.findById(w.id).lean())?.offeredTo).toBeNull();
  });
});
