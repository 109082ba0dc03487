// Routing (docs/console.md): "least busy first, with fair spread over 100 chats and 3 agents (report the spread)".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentRow, autoAccept, staffMember, TestServer, waitFor, waitingVisitor } from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";

let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start();
});
afterAll(() => t.stop());

/** Runs `count` tasks, `width` at a time: some concurrency, without burying devdb (it runs one command at a time). */
async function inPool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

describe("fair spread of automatic assignment", () => {
  it("should spread 100 chats over 3 agents within one chat of each other", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
    const agents = [];
    // Room for every chat, so the spread comes from the ranking and never from someone being full.
    for (const name of ["A", "B", "C"]) agents.push(await staffMember(t, site._id, { name, capacity: 40 }));
    const takers = agents.map(autoAccept);

    const startedAt = Date.now();
    const visitors = await inPool(100, 2, () => waitingVisitor(t, site.key));
    await waitFor(() => takers.reduce((n, x) => n + x.accepted.length, 0) === 100, 20_000);
    const elapsed = Date.now() - startedAt;

    const counts = takers.map((x) => x.accepted.length);
    console.log(
      `fairness spread: ${agents.map((a, i) => `${a.name}=${counts[i]}`).join(" ")} ` +
        `(100 chats, max-min=${Math.max(...counts) - Math.min(...counts)}, ${elapsed} ms)`,
    );

    expect(takers.flatMap((x) => x.refused)).toEqual([]);
    // Every chat was taken once, and by the agent the database says owns it.
    const ids = visitors.map((v) => v.id);
    expect(new Set(takers.flatMap((x) => x.accepted))).toEqual(new Set(ids));
    const owners = await Conversation.find({ _id: { $in: ids } }).lean();
    expect(owners.every((c) => c.status === "active")).toBe(true);
    for (const [i, agent] of agents.entries()) {
      expect(owners.filter((c) => c.assignee?.equals(agent.agent._id)).length).toBe(counts[i]);
      // The capacity counter agrees with the chats actually held.
      expect((await agentRow(agent.id)).load).toBe(counts[i]);
    }
    // Least busy first, with ties going to whoever waited longest, can only deal chats out in turn.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  }, 180_000); // ~30 s on an idle 2-core machine; generous so a busy CI box cannot time it out
});
