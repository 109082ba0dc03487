// Ringing (docs/console.md, "When a chat rings you"): the agent's own sound setting (`me:prefs`), and the notice that
// tells an agent, and only them, why routing set them to Away after a chat rang them without an answer.
import type { AgentNoticeDto, ConversationSummaryDto, TeamMemberDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agentRow,
  callUnchecked,
  collect,
  connected,
  ok,
  staffMember,
  TestServer,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";

let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start();
});
afterAll(() => t.stop());

describe("me:prefs", () => {
  it("should turn the sound off and on for the sender only, stored and returned on the next sign-in", async () => {
    const site = await t.createSite();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const ben = await staffMember(t, site._id, { name: "Ben" });
    const synced = await ok(ana.socket, "inbox:sync", {});
    expect(synced.me.notifySound).toBe(true);

    const off = await ok(ana.socket, "me:prefs", { sound: false });
    expect(off.me).toMatchObject({ id: ana.id, notifySound: false });
    expect((await agentRow(ana.id)).notifySound).toBe(false);
    // Only the sender's own setting: the colleague's is untouched.
    expect((await agentRow(ben.id)).notifySound).toBe(true);
    // A new console tab reads it back.
    const again = t.staffSocket(ana.cookie);
    await connected(again);
    expect((await ok(again, "inbox:sync", {})).me.notifySound).toBe(false);

    // A change reaches the agent's other open tab at once, and no colleague.
    const toOtherTab = collect<TeamMemberDto>(again, "agent:updated");
    const toSender = collect<TeamMemberDto>(ana.socket, "agent:updated");
    const toBen = collect<TeamMemberDto>(ben.socket, "agent:updated");
    const on = await ok(ana.socket, "me:prefs", { sound: true });
    expect(on.me.notifySound).toBe(true);
    expect((await agentRow(ana.id)).notifySound).toBe(true);
    await waitFor(() => toOtherTab.length === 1);
    expect(toOtherTab[0]).toMatchObject({ id: ana.id, notifySound: true });
    // Sent after the answer: had it gone to the sender or Ben, it would be here by the time a round trip is.
    await ok(ben.socket, "inbox:sync", {});
    await ok(ana.socket, "inbox:sync", {});
    expect(toSender).toEqual([]);
    expect(toBen).toEqual([]);
    again.disconnect();
    ana.socket.disconnect();
    ben.socket.disconnect();
  });

  it("should refuse anything but a boolean `sound`, with no way to name another agent", async () => {
    const site = await t.createSite();
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const ben = await staffMember(t, site._id, { name: "Ben" });
    for (const bad of [
      { sound: "false" },
      { sound: { $ne: true } },
      {},
      null,
      { sound: false, agentId: ben.id },
      { sound: false, notifySound: false },
    ]) {
      const res = await callUnchecked(ana.socket, "me:prefs", bad);
      expect(res.ok, JSON.stringify(bad)).toBe(false);
      if (!res.ok) expect(res.error.code).toBe("BAD_REQUEST");
    }
    expect((await agentRow(ana.id)).notifySound).toBe(true);
    expect((await agentRow(ben.id)).notifySound).toBe(true);
    ana.socket.disconnect();
    ben.socket.disconnect();
  });
});

describe("an agent set to Away after a missed offer", () => {
  it("should be told why, on every tab of theirs, and no one else should be", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto", offerTimeoutSeconds: 1 });
    const other = await t.createSite(undefined, undefined, { assignmentMode: "auto", offerTimeoutSeconds: 1 });
    // Only Ana takes chats, so the chat rings her; the lead and the other site's agent only listen.
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const lead = await staffMember(t, site._id, { name: "Sam", role: "supervisor", capacity: 0 });
    const stranger = await staffMember(t, other._id, { name: "Olga" });
    const secondTab = t.staffSocket(ana.cookie);
    await connected(secondTab);

    const toAna = collect<AgentNoticeDto>(ana.socket, "agent:notice");
    const toAnaTab2 = collect<AgentNoticeDto>(secondTab, "agent:notice");
    const toLead = collect<AgentNoticeDto>(lead.socket, "agent:notice");
    const toStranger = collect<AgentNoticeDto>(stranger.socket, "agent:notice");
    const team = collect<TeamMemberDto>(lead.socket, "agent:updated");

    const v = await waitingVisitor(t, site.key);
    await waitFor(() => toAna.length === 1, 6_000);
    expect(toAna[0]).toMatchObject({ kind: "offer-missed", conversationId: v.id, ringSeconds: 1 });
    expect(Number.isNaN(Date.parse(toAna[0]?.at ?? ""))).toBe(false);
    await waitFor(() => toAnaTab2.length === 1);
    expect(toAnaTab2[0]).toEqual(toAna[0]);
    await waitFor(() => team.some((m) => m.id === ana.id && m.status === "away"));
    expect(await agentRow(ana.id)).toMatchObject({ status: "away" });
    expect(toLead).toEqual([]);
    expect(toStranger).toEqual([]);

    for (const s of [ana.socket, secondTab, lead.socket, stranger.socket]) s.disconnect();
  });

  it("should not be told anything when they decline (they chose it, and stay online)", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto", offerTimeoutSeconds: 30 });
    const ana = await staffMember(t, site._id, { name: "Ana" });
    const notices = collect<AgentNoticeDto>(ana.socket, "agent:notice");
    const offered = collect<ConversationSummaryDto>(ana.socket, "conversation:updated");
    const v = await waitingVisitor(t, site.key);
    await waitFor(() => offered.some((c) => c.id === v.id && c.offer?.agent.id === ana.id));
    // The ringing card's first message (filled at the start until the message log fills every preview).
    expect(offered.find((c) => c.id === v.id)?.preview).toBe("Hello, I need help");
    await ok(ana.socket, "offer:decline", { conversationId: v.id });
    // The decline's answer comes after routing has moved on; a notice would have been sent before it.
    await ok(ana.socket, "inbox:sync", {});
    expect(notices).toEqual([]);
    expect((await agentRow(ana.id)).status).toBe("online");
    ana.socket.disconnect();
  });
});
