// Routing (docs/console.md): offers that time out or are declined move on, never ring one agent forever, and of any
// number of agents accepting one chat at once exactly one owns it.
import type { Ack, ConversationDetailDto, ConversationSummaryDto, TeamMemberDto } from "@parley/shared";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agentRow,
  call,
  collect,
  lastOf,
  offersTo,
  ok,
  type StaffMember,
  sleep,
  type TestServer,
  waitFor,
  waitForAsync,
} from "../../../test/harness.ts";
import { routingFixture } from "../../../test/routing-fixture.ts";
import { Agent } from "../../agents/agent.model.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Site } from "../../sites/site.model.ts";

const fx = routingFixture();

/** Two online agents, and which of them each offer of a chat rang, in order. */
async function pair(offerTimeoutSeconds = 30) {
  const site = await fx.autoSite({ offerTimeoutSeconds });
  const a = await fx.member(site, { name: "Avery" });
  const b = await fx.member(site, { name: "Blake" });
  const rang = { [a.id]: offersTo(a.socket, a.id), [b.id]: offersTo(b.socket, b.id) };
  const summaries = collect<ConversationSummaryDto>(a.socket, "conversation:updated");
  /** The agent the chat is ringing now (from what staff were told). */
  const ringingNow = (id: string): string | undefined => lastOf(summaries, (c) => c.id === id)?.offer?.agent.id;
  const member = (id: string | undefined): StaffMember => (id === a.id ? a : b);
  return { site, a, b, rang, summaries, ringingNow, member };
}

describe("an offer that times out", () => {
  it("should move on to the next agent and set the agent who missed it to away", async () => {
    const { site, a, b, rang, summaries, ringingNow, member } = await pair(1);
    const team = collect<TeamMemberDto>(b.socket, "agent:updated");
    const v = await fx.waiting(site);

    await waitFor(() => ringingNow(v.id) !== undefined);
    const first = member(ringingNow(v.id));
    const second = first === a ? b : a;
    const firstOffer = lastOf(summaries, (c) => c.id === v.id)?.offer;
    expect(firstOffer?.agent.name).toBe(first.name);

    await waitFor(() => ringingNow(v.id) === second.id, 4_000);
    // Not before the time limit: the second offer went out once the first had expired.
    const secondOffer = lastOf(summaries, (c) => c.id === v.id)?.offer;
    expect(Date.parse(secondOffer?.expiresAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(firstOffer?.expiresAt ?? "") + 1_000,
    );
    expect(rang[first.id]).toEqual([v.id]);
    expect(rang[second.id]).toEqual([v.id]);

    // The agent who let it ring is away (what they see, what colleagues see, and what is stored).
    await waitFor(() => team.some((m) => m.id === first.id && m.status === "away"));
    expect(await agentRow(first.id)).toMatchObject({ status: "away", preferredStatus: "away", load: 0 });
    expect((await agentRow(second.id)).load).toBe(1);

    const accepted = await ok(second.socket, "conversation:accept", {
      conversationId: v.id,
    });
    expect(accepted.conversation.assignee?.id).toBe(second.id);
  });

  it("should stop ringing once every online agent has missed it, and tell the visitor nobody is online", async () => {
    const { a, b, rang, ringingNow, site } = await pair(1);
    const v = await fx.waiting(site);
    await waitFor(() => rang[a.id]?.includes(v.id) === true && rang[b.id]?.includes(v.id) === true, 5_000);
    await waitFor(() => v.queue.at(-1)?.agentsOnline === 0, 4_000);
    expect(v.queue.at(-1)).toMatchObject({ position: 1, estimatedWaitSeconds: null, agentsOnline: 0 });
    expect(ringingNow(v.id)).toBeUndefined();
    // The last agent is set away a moment before their slot is given back: wait for both.
    await waitForAsync(async () => (await Agent.find({ site: site._id, load: 0, status: "away" })).length === 2);
    expect(await Agent.find({ site: site._id }).lean()).toEqual([
      expect.objectContaining({ status: "away", load: 0 }),
      expect.objectContaining({ status: "away", load: 0 }),
    ]);
    const stored = await Conversation.findById(v.id).lean();
    expect(stored).toMatchObject({ status: "queued", offeredTo: null, offerExpiresAt: null });

    // Coming back online rings again: a missed offer is not a decline.
    await ok(a.socket, "presence:set", { status: "online" });
    await waitFor(() => ringingNow(v.id) === a.id);
  });
});

describe("an agent who misses two offers at once", () => {
  it("should move the older chat on with its own full time limit, and tell every console where it rings", async () => {
    const site = await fx.autoSite({ offerTimeoutSeconds: 1 });
    const a = await fx.member(site, { name: "Avery" });
    const first = await fx.waiting(site);
    const second = await fx.waiting(site);
    expect((await agentRow(a.id)).load).toBe(2); // both ring Avery, the only one online
    // Blake has room for one: the older chat.
    const b = await fx.member(site, { name: "Blake", capacity: 1 });
    const seenByB = collect<ConversationSummaryDto>(b.socket, "conversation:updated");
    const latest = (id: string) => lastOf(seenByB, (c) => c.id === id);

    // Avery misses the first and is set away; her other offer is taken back. The first now rings Blake.
    await waitFor(() => latest(first.id)?.offer?.agent.id === b.id, 4_000);
    await sleep(200);
    // What Blake's console was last told must match what is stored.
    const offer = latest(first.id)?.offer;
    expect(offer?.agent.id).toBe(b.id);
    expect((await Conversation.findById(first.id).lean())?.offeredTo?.toHexString()).toBe(b.id);
    expect(latest(second.id)?.offer).toBeNull();
    expect((await Conversation.findById(second.id).lean())?.offeredTo).toBeNull();

    // Blake's offer has a timer of its own: he misses it at its expiry, not whenever the 5-second
    // backstop sweep comes round.
    await waitForAsync(async () => (await agentRow(b.id)).status === "away", 7_000);
    expect(Date.now() - Date.parse(offer?.expiresAt ?? "")).toBeLessThan(1_500);
    await waitForAsync(async () => (await agentRow(b.id)).load === 0);
    expect(await agentRow(a.id)).toMatchObject({ status: "away", load: 0 });
  });
});

describe("a declined offer", () => {
  it("should move on to the next agent and never be offered back to whoever declined it", async () => {
    const { a, b, site, rang, ringingNow, member } = await pair();
    const v = await fx.waiting(site);
    await waitFor(() => ringingNow(v.id) !== undefined);
    const first = member(ringingNow(v.id));
    const second = first === a ? b : a;

    await ok(first.socket, "offer:decline", { conversationId: v.id });
    await waitFor(() => ringingNow(v.id) === second.id);
    expect((await agentRow(first.id)).load).toBe(0);
    expect((await agentRow(second.id)).load).toBe(1);
    // Declining again, or declining what is not yours, is refused.
    expect(await call(first.socket, "offer:decline", { conversationId: v.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });

    await ok(second.socket, "offer:decline", { conversationId: v.id });
    await sleep(300);
    // Both passed and both are online with free slots: it waits rather than ringing either of them again.
    expect(rang[first.id]).toEqual([v.id]);
    expect(rang[second.id]).toEqual([v.id]);
    const stored = await Conversation.findById(v.id).lean();
    expect(stored).toMatchObject({ status: "queued", offeredTo: null });
    expect(stored?.declinedBy.map(String).sort()).toEqual([a.id, b.id].sort());
    expect((await agentRow(first.id)).load).toBe(0);
    expect((await agentRow(second.id)).load).toBe(0);

    // Their declines do not stop other chats reaching them, and a new colleague gets this one.
    const next = await fx.waiting(site);
    await waitFor(() => ringingNow(next.id) !== undefined);
    const casey = await fx.member(site, { name: "Casey" });
    await waitFor(() => ringingNow(v.id) === casey.id);
    expect(rang[first.id]?.filter((id) => id === v.id)).toHaveLength(1);
    expect(rang[second.id]?.filter((id) => id === v.id)).toHaveLength(1);
  });
});

describe("20 agents accepting one chat at the same moment", () => {
  let site: Awaited<ReturnType<TestServer["createSite"]>>;
  let agents: StaffMember[];

  beforeAll(async () => {
    site = await fx.t.createSite(undefined, undefined, { assignmentMode: "manual" });
    agents = [];
    for (let i = 0; i < 20; i += 5) {
      agents.push(
        ...(await Promise.all(Array.from({ length: 5 }, (_, j) => fx.member(site, { name: `Agent ${i + j}` })))),
      );
    }
  });

  const acceptAll = (id: string) =>
    Promise.all(agents.map((a) => call(a.socket, "conversation:accept", { conversationId: id })));

  const loads = async () =>
    new Map((await Agent.find({ site: site._id }).lean()).map((a) => [a._id.toHexString(), a.load]));

  function theOneWinner(results: Ack<{ conversation: ConversationDetailDto }>[]): string {
    const winners = results.flatMap((r) => (r.ok ? [r.data.conversation.assignee?.id ?? "?"] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code))).toEqual(Array(19).fill("CONFLICT"));
    return winners[0] ?? "";
  }

  it("should give a queued chat in manual mode to exactly one, and give the others' slots back", async () => {
    const v = await fx.waiting(site);
    const winner = theOneWinner(await acceptAll(v.id));
    const stored = await Conversation.findById(v.id).lean();
    expect(stored?.status).toBe("active");
    expect(stored?.assignee?.toHexString()).toBe(winner);
    // Each loser took a slot before losing the race; every one of them must have been given back.
    const after = await loads();
    expect([...after].filter(([, load]) => load !== 0)).toEqual([[winner, 1]]);
    // The visitor hears of one owner, once.
    await waitFor(() => v.updates.some((u) => u.status === "active"));
    await sleep(100);
    expect(v.updates.filter((u) => u.status === "active")).toHaveLength(1);
    expect(v.messages.filter((m) => m.body.endsWith("joined the chat"))).toHaveLength(1);
  });

  it("should give an offered chat in auto mode to exactly the agent it rings", async () => {
    await Site.updateOne({ _id: site._id }, { $set: { assignmentMode: "auto" } });
    const before = await loads();
    const v = await fx.waiting(site);
    // A start is answered after the routing pass it triggered: the chat is already ringing someone.
    const ringing = (await Conversation.findById(v.id).lean())?.offeredTo?.toHexString();
    expect(ringing).toBeDefined();

    const winner = theOneWinner(await acceptAll(v.id));
    expect(winner).toBe(ringing);
    const after = await loads();
    for (const [id, load] of after) expect(load).toBe((before.get(id) ?? 0) + (id === winner ? 1 : 0));
  });
});
