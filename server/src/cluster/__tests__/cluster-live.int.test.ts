import type { MessageDto, WallChatDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, PNG_BYTES, tempDataDir, uploaded } from "../../../test/attachments-harness.ts";
import { TestCluster } from "../../../test/cluster-harness.ts";
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
import { Conversation } from "../../conversations/conversation.model.ts";

// Three real Parley processes on one database and one Redis. Every client below talks to one node only, so what
// reaches it from another node came through the Redis adapter.
let cluster: TestCluster;
let files: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  files = await tempDataDir();
  // A visitor's 60 events last 6,000 s here, so the flood test below counts events, not how fast the machine sends.
  cluster = await TestCluster.start(3, {
    env: {
      VISITOR_EVENT_BURST: "60",
      VISITOR_EVENT_RATE: "0.01",
      ATTACHMENTS_DIR: files.dir,
      PRESENCE_GRACE_MS: "300",
    },
  });
});
afterAll(async () => {
  await cluster?.stop();
  await files?.remove();
});

describe("live delivery across nodes", () => {
  it("should carry messages both ways, whispers to staff only, wall updates and queue positions between nodes", async () => {
    const [a, b, c] = [cluster.node(0), cluster.node(1), cluster.node(2)];
    const site = await cluster.createSite();
    const ana = await staffMember(b, site._id, { name: "Ana" });
    const sam = await staffMember(c, site._id, { role: "supervisor", name: "Sam" });
    const wall = collect<WallChatDto>(sam.socket, "wall:chat");
    const inbox = collect<{ id: string }>(ana.socket, "conversation:updated");

    // Started on A: B's agent sees it in the inbox, C's supervisor on the wall.
    const vera = await waitingVisitor(a, site.key);
    await waitFor(() => inbox.some((s) => s.id === vera.id));
    await waitFor(() => wall.some((w) => w.id === vera.id && w.status === "queued"));

    // A second visitor on C waits behind Vera; B's accept moves them up, told on C.
    const next = await waitingVisitor(c, site.key);
    await waitFor(() => next.queue.at(-1)?.position === 2);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await waitFor(() => next.queue.at(-1)?.position === 1);
    await waitFor(() => wall.some((w) => w.id === vera.id && w.status === "active"));

    const agentHears = collect<MessageDto>(ana.socket, "message:new");
    const supervisorHears = collect<MessageDto>(sam.socket, "message:new");
    // The supervisor opens the chat on C (the console's sync puts the tab in the chat's room).
    await ok(sam.socket, "conversation:sync", { conversationId: vera.id, afterSeq: 0 });

    // Agent (B) → visitor (A), 20 messages, all live and in order.
    const bodies = Array.from({ length: 20 }, (_, i) => `from B #${i}`);
    for (const body of bodies)
      await ok(ana.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body });
    await waitFor(() => vera.messages.filter((m) => m.body.startsWith("from B")).length === 20);
    expect(vera.messages.filter((m) => m.body.startsWith("from B")).map((m) => m.body)).toEqual(bodies);

    // Visitor (A) → agent (B) and supervisor (C).
    await ok(vera.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: "from A" });
    await waitFor(
      () => agentHears.some((m) => m.body === "from A") && supervisorHears.some((m) => m.body === "from A"),
    );

    // A whisper from C reaches B's agent, and never A's visitor (B's next message proves A's socket is live).
    await ok(sam.socket, "conversation:whisper", { conversationId: vera.id, clientMsgId: msgId(), body: "psst" });
    await waitFor(() => agentHears.some((m) => m.body === "psst"));
    await ok(ana.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: "after the whisper" });
    await waitFor(() => vera.messages.some((m) => m.body === "after the whisper"));
    expect(vera.messages.map((m) => m.body)).not.toContain("psst");
    // Sequence numbers arrive in order with no gap and no repeat.
    const seqs = vera.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it("should ring an agent on one node for a chat started on another", async () => {
    const site = await cluster.createSite({ assignmentMode: "auto" });
    const bo = await staffMember(cluster.node(2), site._id, { name: "Bo" });
    const ringing = offersTo(bo.socket, bo.id);
    const vera = await waitingVisitor(cluster.node(0), site.key);
    await waitFor(() => ringing.includes(vera.id));
    await ok(bo.socket, "conversation:accept", { conversationId: vera.id });
    await waitFor(() => vera.updates.some((u) => u.status === "active"));
  });

  it("should give a chat exactly one owner when 20 agents on 3 nodes accept it at once", async () => {
    const site = await cluster.createSite();
    const agents = await Promise.all(
      Array.from({ length: 20 }, (_, i) => staffMember(cluster.node(i % 3), site._id, { name: `Agent ${i}` })),
    );
    const vera = await waitingVisitor(cluster.node(0), site.key);
    const results = await Promise.all(
      agents.map((m) => call(m.socket, "conversation:accept", { conversationId: vera.id })),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const codes = new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code)));
    expect(codes.size).toBe(1);
    const stored = await Conversation.findById(vera.id).lean();
    const owner = agents.find((m) => stored?.assignee?.equals(m.agent._id));
    expect(owner).toBeDefined();
    const loads = await Promise.all(agents.map((m) => agentRow(m.id).then((r) => r.load)));
    expect(loads.reduce((x, y) => x + y, 0)).toBe(1);
  });

  it("should limit one visitor flooding over three sockets on three nodes as if they were on one", async () => {
    const site = await cluster.createSite();
    const token = await cluster.node(0).visitorToken(site.key);
    const sockets = cluster.nodes.map((n) => n.visitorSocket({ siteKey: site.key, visitorToken: token }));
    await Promise.all(sockets.map((s) => connected(s)));
    const results = await Promise.all(
      Array.from({ length: 90 }, (_, i) => call(sockets[i % 3] as VisitorClient, "site:availability", {})),
    );
    const refused = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(60);
    expect(new Set(refused.map((r) => (r.ok ? "" : r.error.code)))).toEqual(new Set(["RATE_LIMITED"]));
  });

  it("should serve an attachment uploaded to one node from another (one shared ATTACHMENTS_DIR)", async () => {
    const site = await cluster.createSite();
    const ana = await staffMember(cluster.node(1), site._id, { name: "Ana" });
    const vera = await waitingVisitor(cluster.node(0), site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    const attachment = await uploaded(
      cluster.node(0),
      { conversationId: vera.id },
      { name: "screen.png", bytes: PNG_BYTES },
      { visitorToken: vera.token, siteKey: site.key },
    );
    const res = await download(cluster.node(2), attachment.url, { cookie: ana.cookie });
    expect(res.status).toBe(200);
    expect(new Uint8Array(res.bytes)).toEqual(PNG_BYTES);
  });

  it("should keep an agent online while a tab is open on any node, and offline once the last one closes", async () => {
    const site = await cluster.createSite();
    const ana = await staffMember(cluster.node(0), site._id, { name: "Ana" });
    const second = cluster.node(1).staffSocket(ana.cookie);
    await connected(second);
    ana.socket.disconnect();
    // Node 0's grace timer (300 ms) runs out and asks every node for Ana's tabs: node 1 has one.
    await sleep(1_500);
    expect((await agentRow(ana.id)).status).toBe("online");
    second.disconnect();
    await waitForAsync(async () => (await agentRow(ana.id)).status === "offline");
  });
});
