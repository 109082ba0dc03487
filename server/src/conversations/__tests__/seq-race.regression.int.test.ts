// Regression: the seq was taken by an `$inc` before the message was stored, so with several senders a
// receiver could be told of N+1 while N was not readable yet; one that resynced at that moment stepped past N and
// never saw it (35 of 1,197 messages missed, with the data intact).
import type { MessageDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, type StaffClient, startInput, TestServer, type VisitorClient, waitFor } from "../../../test/harness.ts";

// 1,200 sends are in flight at once and each ack waits for the ones before it: on a loaded machine the last can
// take well over the harness's usual 5 s. This test is about order and completeness, not speed.
const PATIENT = { timeoutMs: 60_000 };

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  // Many messages from one visitor: their own limit is not what this test is about.
  t = await TestServer.start(undefined, { VISITOR_EVENT_BURST: "100000", VISITOR_EVENT_RATE: "100000" });
  site = await t.createSite();
});
afterAll(() => t.stop());

const PER_SENDER = 240;

describe("a receiver that resyncs after every live message", () => {
  it("should miss nothing, see nothing twice and get everything in order, with five concurrent senders", async () => {
    const agent = await t.staff(site._id, "agent", "Ana Agent");
    const lead = await t.staff(site._id, "supervisor", "Sue Lead");
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput());
    const conversationId = started.conversation.id;
    await ok(agent.socket, "conversation:accept", { conversationId });
    await ok(lead.socket, "conversation:join", { conversationId });

    // The receiver keeps only what its resyncs return, never the live message itself: whatever a resync steps
    // past is lost to it for good, as it would be to a client that trusts its cursor.
    const receiver = await t.staff(site._id, "supervisor", "Rita Receiver");
    const received: MessageDto[] = [];
    const syncAll = async (socket: StaffClient, afterSeq: number, into: MessageDto[]): Promise<void> => {
      for (let from = afterSeq; ; ) {
        const page = await ok(socket, "conversation:sync", { conversationId, afterSeq: from }, PATIENT);
        into.push(...page.messages);
        from = page.messages.at(-1)?.seq ?? from;
        if (!page.hasMore) return;
      }
    };
    const before: MessageDto[] = [];
    await syncAll(receiver.socket, 0, before);
    const firstCursor = before.at(-1)?.seq as number;
    let cursor = firstCursor;
    const resync = async (): Promise<void> => {
      const page: MessageDto[] = [];
      await syncAll(receiver.socket, cursor, page);
      received.push(...page);
      cursor = page.at(-1)?.seq ?? cursor;
    };
    // One resync at a time, each started right after a live message (queued ones fold into the next).
    let chain = Promise.resolve();
    let pending = 0;
    receiver.socket.on("message:new", () => {
      if (pending > 1) return;
      pending++;
      chain = chain.then(resync).finally(() => pending--);
    });

    // Five senders at once: the visitor on two tabs, the agent on two, and the supervisor who joined.
    const visitorTab2 = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
    const agentTab2 = t.staffSocket(agent.cookie);
    await waitFor(() => visitorTab2.connected && agentTab2.connected);
    const senders: Array<[VisitorClient | StaffClient, string]> = [
      [visitor.socket, "v1"],
      [visitorTab2, "v2"],
      [agent.socket, "a1"],
      [agentTab2, "a2"],
      [lead.socket, "s1"],
    ];
    await Promise.all(
      senders.map(([socket, tag]) =>
        Promise.all(
          Array.from({ length: PER_SENDER }, (_, i) =>
            ok(
              socket,
              "message:send",
              { conversationId, clientMsgId: `race-${tag}-${i}`, body: `${tag} #${i}` },
              PATIENT,
            ),
          ),
        ),
      ),
    );

    const stored: MessageDto[] = [];
    await syncAll(agent.socket, firstCursor, stored);
    const last = stored.at(-1)?.seq as number;
    await waitFor(() => cursor >= last, 15_000);
    await chain;

    const sent = received.filter((m) => m.clientMsgId.startsWith("race-"));
    expect(sent.length).toBeGreaterThanOrEqual(1_000);
    // Nothing missed: every stored message reached the receiver through its resyncs.
    expect(received.map((m) => m.id)).toEqual(stored.map((m) => m.id));
    // Nothing twice, and in order.
    expect(new Set(received.map((m) => m.id)).size).toBe(received.length);
    const seqs = received.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(sent.length).toBe(senders.length * PER_SENDER);
  }, 120_000);
});
