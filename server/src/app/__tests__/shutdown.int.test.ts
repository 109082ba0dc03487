import { afterAll, describe, expect, it } from "vitest";
import { TestCluster } from "../../../test/cluster-harness.ts";
import { call, msgId, ok, sleep, staffMember, waitingVisitor } from "../../../test/harness.ts";
import { Message } from "../../conversations/message.model.ts";
import { toObjectId } from "../../db/object-id.ts";

// A real server process (no Redis: one node) gets SIGTERM while a visitor's burst is in flight. A drained
// shutdown finishes the writes it started and acks every one of them before the sockets close; what arrives
// once it has begun is refused with UNAVAILABLE (the widget sends it again on its next connection).
let cluster: TestCluster;
afterAll(async () => {
  await cluster?.stop();
});

describe("SIGTERM in the middle of a burst", () => {
  it("should ack every write it finished before closing the sockets", async () => {
    cluster = await TestCluster.start(1, { redisUrl: "" });
    const node = cluster.node(0);
    const site = await cluster.createSite();
    const ana = await staffMember(node, site._id, { name: "Ana" });
    const vera = await waitingVisitor(node, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });

    const acked = new Set<string>();
    const refused = new Map<string, string>();
    const sends = Array.from({ length: 60 }, (_, i) =>
      sleep(i * 2).then(async () => {
        if (i === 30) node.child.kill("SIGTERM");
        const clientMsgId = msgId();
        const res = await call(vera.socket, "message:send", {
          conversationId: vera.id,
          clientMsgId,
          body: `drain #${i}`,
        }).catch(() => null); // no answer at all: the socket closed first
        if (res?.ok) acked.add(clientMsgId);
        else if (res) refused.set(clientMsgId, res.error.code);
      }),
    );
    await Promise.all(sends);
    expect(await node.exited).toBe(0);

    const stored = await Message.find({ conversation: toObjectId(vera.id), body: /^drain #/ }).lean();
    const storedIds = stored.map((m) => m.clientMsgId);
    // The burst straddled the shutdown: some were stored, and every stored one was acked.
    expect(storedIds.length).toBeGreaterThan(0);
    expect(storedIds.filter((id) => !acked.has(id))).toEqual([]);
    expect([...acked].filter((id) => !storedIds.includes(id))).toEqual([]);
    // Whatever was refused was refused as retryable, and not stored.
    expect(new Set(refused.values())).toEqual(refused.size > 0 ? new Set(["UNAVAILABLE"]) : new Set());
    for (const id of refused.keys()) expect(storedIds).not.toContain(id);
  }, 60_000);
});
