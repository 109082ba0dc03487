import type { MessageDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connected, ok, startInput, TestServer } from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

async function activeChat() {
  const staff = await t.staff(site._id);
  const visitor = await t.visitor(site.key);
  const started = await ok(visitor.socket, "conversation:start", startInput());
  await ok(staff.socket, "conversation:accept", { conversationId: started.conversation.id });
  return { staff, visitor, conversationId: started.conversation.id };
}

describe("delivery after a disconnect", () => {
  it("should deliver 20 messages missed while disconnected, in order, without duplicates", async () => {
    const { staff, visitor, conversationId } = await activeChat();
    const before = await ok(visitor.socket, "conversation:sync", {
      conversationId,
      afterSeq: 0,
    });
    const lastSeq = before.messages.at(-1)?.seq ?? 0;

    visitor.socket.disconnect();
    for (let i = 1; i <= 20; i++) {
      await ok(staff.socket, "message:send", { conversationId, clientMsgId: `missed-${i}-xx`, body: `missed ${i}` });
    }

    const live: MessageDto[] = [];
    visitor.socket.on("message:new", (m) => live.push(m));
    visitor.socket.connect();
    await connected(visitor.socket);
    const page = await ok(visitor.socket, "conversation:sync", {
      conversationId,
      afterSeq: lastSeq,
    });

    expect(page.messages.map((m) => m.body)).toEqual(Array.from({ length: 20 }, (_, i) => `missed ${i + 1}`));
    const seqs = page.messages.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(20);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBeGreaterThan(lastSeq);
    expect(page.hasMore).toBe(false);
    expect(live).toEqual([]);
  });

  it("should resync an agent who missed visitor messages", async () => {
    const { staff, visitor, conversationId } = await activeChat();
    const seen = await ok(staff.socket, "conversation:sync", {
      conversationId,
      afterSeq: 0,
    });
    staff.socket.disconnect();
    for (let i = 1; i <= 5; i++) {
      await ok(visitor.socket, "message:send", { conversationId, clientMsgId: `v-missed-${i}`, body: `v ${i}` });
    }
    staff.socket.connect();
    await connected(staff.socket);
    const page = await ok(staff.socket, "conversation:sync", {
      conversationId,
      afterSeq: seen.messages.at(-1)?.seq ?? 0,
    });
    expect(page.messages.map((m) => m.body)).toEqual(["v 1", "v 2", "v 3", "v 4", "v 5"]);
  });

  it("should keep every stored message across a server restart", async () => {
    const { visitor, conversationId } = await activeChat();
    await ok(visitor.socket, "message:send", { conversationId, clientMsgId: "before-restart", body: "still here?" });

    await t.restart();

    const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    await connected(again);
    const page = await ok(again, "conversation:sync", {
      conversationId,
      afterSeq: 0,
    });
    expect(page.messages.map((m) => m.body)).toContain("still here?");
    // A retry of the send after the restart is still recognised as the same message.
    const retried = await ok(again, "message:send", {
      conversationId,
      clientMsgId: "before-restart",
      body: "still here?",
    });
    expect(retried.message.id).toBe(page.messages.find((m) => m.body === "still here?")?.id);
  });
});

describe("sequence numbers under concurrency", () => {
  it("should give 30 concurrent sends 30 distinct, increasing seqs", async () => {
    const { staff, visitor, conversationId } = await activeChat();
    const sends = Array.from({ length: 30 }, (_, i) =>
      ok(i % 2 ? staff.socket : visitor.socket, "message:send", {
        conversationId,
        clientMsgId: `burst-${i}-xxxx`,
        body: `burst ${i}`,
      }),
    );
    const results = await Promise.all(sends);
    const seqs = results.map((r) => r.message.seq);
    expect(new Set(seqs).size).toBe(30);
    const page = await ok(visitor.socket, "conversation:sync", {
      conversationId,
      afterSeq: 0,
    });
    const bursts = page.messages.filter((m) => m.body.startsWith("burst"));
    expect(bursts).toHaveLength(30);
    expect(bursts.map((m) => m.seq)).toEqual([...seqs].sort((a, b) => a - b));
  });
});
