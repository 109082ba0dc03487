import type { MessageDto } from "@parley/shared";
import { afterAll, describe, expect, it } from "vitest";
import { type ClusterNode, TestCluster } from "../../../test/cluster-harness.ts";
import {
  agentRow,
  call,
  collect,
  connected,
  msgId,
  offersTo,
  ok,
  sleep,
  staffMember,
  type VisitorClient,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { PrivateRedis } from "../../../test/private-redis.ts";

// Faults of a three-node deployment, with real processes: a node killed (kill -9) and Redis gone for a while, each in
// the middle of a visitor's burst of messages. What must hold: every message the visitor sent is stored once, and
// every client ends up with each once, in order.

type Item = { clientMsgId: string; body: string };

/** The widget's outbox: each message keeps its id, so sending it again (after a drop) is harmless. */
function outbox(conversationId: string, count: number, label: string) {
  const items: Item[] = Array.from({ length: count }, (_, i) => ({ clientMsgId: msgId(), body: `${label} #${i}` }));
  const acked = new Map<string, number>();
  const send = (socket: VisitorClient, item: Item) =>
    call(socket, "message:send", { conversationId, ...item }).then(
      (res) => {
        if (res.ok) acked.set(item.clientMsgId, res.data.message.seq);
      },
      () => undefined, // no ack (the node died, or it timed out): sent again below
    );
  const resendUnacked = async (socket: VisitorClient) => {
    for (const item of items) if (!acked.has(item.clientMsgId)) await send(socket, item);
  };
  return { items, acked, send, resendUnacked };
}

/** What a console shows after catching up: what came live, plus a resync, each seq once. */
async function agentView(live: MessageDto[], socket: Parameters<typeof ok>[0], conversationId: string) {
  const page = await ok(socket, "conversation:sync", { conversationId, afterSeq: 0 });
  const bySeq = new Map<number, MessageDto>();
  for (const m of [...live, ...page.messages]) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function expectEachOnce(messages: readonly MessageDto[], items: readonly Item[], acked: Map<string, number>) {
  const ours = messages.filter((m) => items.some((i) => i.body === m.body));
  expect(ours.map((m) => m.body).sort()).toEqual(items.map((i) => i.body).sort());
  expect(ours.map((m) => m.seq)).toEqual([...acked.values()].sort((a, b) => a - b));
  const seqs = messages.map((m) => m.seq);
  expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
}

describe("a node killed in the middle of a burst", () => {
  let cluster: TestCluster;
  afterAll(async () => {
    await cluster?.stop();
  });

  it("should lose nothing, duplicate nothing, and move the offers it held on within their timeout", async () => {
    // The visitor's resends after the kill must not run into its own event limit (60 per 30 s by default).
    cluster = await TestCluster.start(3, { env: { OFFER_SWEEP_INTERVAL_MS: "500", VISITOR_EVENT_BURST: "1000" } });
    const [doomed, b, c] = [cluster.node(0), cluster.node(1), cluster.node(2)] as [
      ClusterNode,
      ClusterNode,
      ClusterNode,
    ];

    // An offer rung from the doomed node (its timer lives there): Bo on B lets it ring.
    const autoSite = await cluster.createSite({ assignmentMode: "auto", offerTimeoutSeconds: 5 });
    const bo = await staffMember(b, autoSite._id, { name: "Bo" });
    const boRings = offersTo(bo.socket, bo.id);
    const waiting = await waitingVisitor(doomed, autoSite.key);
    await waitFor(() => boRings.includes(waiting.id));
    const cy = await staffMember(c, autoSite._id, { name: "Cy" });
    const cyRings = offersTo(cy.socket, cy.id);

    // A chat whose visitor is on the doomed node, answered by Ana on B.
    const manual = await cluster.createSite();
    const ana = await staffMember(b, manual._id, { name: "Ana" });
    const vera = await waitingVisitor(doomed, manual.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    const agentLive = collect<MessageDto>(ana.socket, "message:new");

    const box = outbox(vera.id, 40, "burst");
    const sending = box.items.map((item, i) =>
      sleep(i * 5).then(() => {
        if (i === 20) void doomed.kill();
        return box.send(vera.socket, item);
      }),
    );
    await Promise.all(sending);
    expect(await doomed.exited).toBeNull(); // killed by a signal, not exited

    // The visitor's reconnect lands on another node (as the load balancer would send it); the outbox goes again.
    const again = c.visitorSocket({ siteKey: manual.key, visitorToken: vera.token });
    await connected(again);
    await box.resendUnacked(again);
    expect(box.acked.size).toBe(40);

    const page = await ok(again, "conversation:sync", { afterSeq: 0 });
    expectEachOnce(page.messages, box.items, box.acked);
    expectEachOnce(await agentView(agentLive, ana.socket, vera.id), box.items, box.acked);
    const liveSeqs = agentLive.map((m) => m.seq);
    expect(new Set(liveSeqs).size).toBe(liveSeqs.length);

    // The offer's timer died with its node; another node's sweep takes it back after its deadline and moves it on.
    await waitFor(() => cyRings.includes(waiting.id), 20_000);
    // Taken back as a missed offer (its agent set away), not withdrawn some other way.
    expect((await agentRow(bo.id)).status).toBe("away");
  }, 90_000);
});

describe("Redis gone for a while in the middle of a burst", () => {
  const OUTAGE_MS = Number(process.env.REDIS_OUTAGE_MS ?? 30_000);
  let cluster: TestCluster;
  let redis: PrivateRedis;
  afterAll(async () => {
    await redis?.up().catch(() => undefined);
    await cluster?.stop();
    await redis?.down();
  });

  it("should keep every node up, deliver every acked message once after recovery, and say so in health", async () => {
    redis = await PrivateRedis.start();
    cluster = await TestCluster.start(3, {
      redisUrl: redis.url,
      captureLogs: true,
      env: { VISITOR_EVENT_BURST: "1000" },
    });
    const [a, b] = [cluster.node(0), cluster.node(1)] as [ClusterNode, ClusterNode];
    const site = await cluster.createSite();
    const ana = await staffMember(b, site._id, { name: "Ana" });
    const vera = await waitingVisitor(a, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    const agentLive = collect<MessageDto>(ana.socket, "message:new");
    const health = async (node: ClusterNode) =>
      (await (await fetch(`${node.url}/healthz`)).json()) as { status: string; redis: string };

    const box = outbox(vera.id, 40, "outage");
    for (const item of box.items.slice(0, 20)) await box.send(vera.socket, item);
    await redis.down();
    // Every node notices (its command connection drops) and says so.
    await waitForAsync(async () => (await Promise.all(cluster.nodes.map(health))).every((h) => h.redis === "down"));
    expect(await health(a)).toMatchObject({ status: "degraded", redis: "down" });
    // The database is still there: the visitor's messages are stored and acked while Redis is away.
    for (const item of box.items.slice(20)) await box.send(vera.socket, item);
    await sleep(Math.max(0, OUTAGE_MS - 1_000));
    await redis.up();
    await waitForAsync(
      async () => (await Promise.all(cluster.nodes.map(health))).every((h) => h.status === "ok"),
      20_000,
    );

    for (const node of cluster.nodes) expect(node.child.exitCode).toBeNull();
    // The widget resends what went unacked (nothing, here: the database never left) and the console resyncs.
    await box.resendUnacked(vera.socket);
    expect(box.acked.size).toBe(40);
    expectEachOnce(await agentView(agentLive, ana.socket, vera.id), box.items, box.acked);
    const liveSeqs = agentLive.map((m) => m.seq);
    expect(new Set(liveSeqs).size).toBe(liveSeqs.length);
    const page = await ok(vera.socket, "conversation:sync", {
      afterSeq: 0,
    });
    expectEachOnce(page.messages, box.items, box.acked);

    // Live delivery between nodes works again.
    await ok(ana.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: "back" });
    await waitFor(() => vera.messages.some((m) => m.body === "back"), 10_000);
    for (const node of cluster.nodes) {
      const events = node.logs.map((l) => l.event);
      expect(events).toContain("redis_down");
      expect(events).toContain("redis_up");
    }
  }, 120_000);
});
