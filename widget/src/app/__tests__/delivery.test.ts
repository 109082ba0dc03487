import type { ErrorCode } from "@parley/shared/errors";
import { describe, expect, it, vi } from "vitest";
import type { DeliveryHandlers } from "../delivery.ts";
import { Outbox, type OutboxEntry } from "../outbox.ts";
import { OutboxSender } from "../sender.ts";
import { memoryStore } from "../storage.ts";
import { type SyncPage, syncConversation } from "../sync.ts";
import { fakeSocket } from "./fake-socket.ts";
import { CONV, conversation, message } from "./fixtures.ts";

const environment = { url: "https://shop.example/", referrer: "", userAgent: "UA", language: "en", timeZone: "UTC" };
const entry = (clientMsgId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMsgId,
  kind: "message",
  conversationId: CONV,
  body: clientMsgId,
  createdAt: "2025-01-01T00:00:00.000Z",
  ...overrides,
});
const refused = (code: ErrorCode) => ({ ok: false as const, error: { code, message: code } });

function setup(
  reply: Parameters<typeof fakeSocket>[0],
  entries: OutboxEntry[],
  shownConversation: string | null = CONV,
) {
  const outbox = new Outbox(memoryStore(), "parley:demo:outbox");
  for (const e of entries) outbox.add(e);
  const fake = fakeSocket(reply);
  const handlers: DeliveryHandlers = { started: vi.fn(), sent: vi.fn(), rejected: vi.fn() };
  const sender = new OutboxSender(
    outbox,
    () => (fake.raw.connected ? fake.socket : null),
    () => shownConversation,
    handlers,
    () => undefined,
  );
  return { outbox, sender, handlers, ...fake };
}

describe("OutboxSender", () => {
  it("sends in order, one ack at a time, and removes each entry only once acknowledged", async () => {
    let inFlight = 0;
    const { sender, outbox, calls, handlers } = setup(
      (call) => {
        expect(inFlight).toBe(0);
        inFlight++;
        queueMicrotask(() => inFlight--);
        const body = call.payload.body as string;
        if (call.event === "conversation:start") {
          return { ok: true, data: { conversation: conversation(), message: message(1, { clientMsgId: body }) } };
        }
        return { ok: true, data: { message: message(2, { clientMsgId: body }) } };
      },
      [
        entry("start-0001", { kind: "start", conversationId: undefined, name: "Ada", environment }),
        entry("msg-00002"),
        entry("msg-00003"),
      ],
    );
    await sender.flush();
    expect(calls.map((c) => `${c.event}:${c.payload.clientMsgId}`)).toEqual([
      "conversation:start:start-0001",
      "message:send:msg-00002",
      "message:send:msg-00003",
    ]);
    expect(outbox.list()).toEqual([]);
    expect(handlers.started).toHaveBeenCalledTimes(1);
    expect(handlers.sent).toHaveBeenCalledTimes(2);
  });

  it("drops a permanently refused send, reports it, and carries on with the next", async () => {
    const { sender, outbox, handlers, calls } = setup(
      (call) =>
        call.payload.clientMsgId === "msg-00001"
          ? refused("CONVERSATION_CLOSED")
          : { ok: true, data: { message: message(2, { clientMsgId: "msg-00002" }) } },
      [entry("msg-00001"), entry("msg-00002")],
    );
    await sender.flush();
    expect(calls).toHaveLength(2);
    expect(outbox.list()).toEqual([]);
    expect(handlers.rejected).toHaveBeenCalledWith(
      expect.objectContaining({ clientMsgId: "msg-00001" }),
      "this chat has ended",
      "CONVERSATION_CLOSED",
    );
  });

  it("gives a start refused as SUPPORT_OFFLINE back once instead of retrying it until support opens", async () => {
    const start = entry("start-0001", { kind: "start", conversationId: undefined, name: "Ada", environment });
    const typedMeanwhile = entry("msg-00002", { conversationId: undefined });
    const { sender, outbox, handlers, calls } = setup(() => refused("SUPPORT_OFFLINE"), [start, typedMeanwhile], null);
    await sender.flush();
    expect(calls.map((c) => c.event)).toEqual(["conversation:start"]);
    expect(outbox.list()).toEqual([]);
    expect(handlers.rejected).toHaveBeenNthCalledWith(1, start, expect.any(String), "SUPPORT_OFFLINE");
    // Its follow-up has no conversation to go to; it is handed back too, not sent.
    expect(handlers.rejected).toHaveBeenNthCalledWith(2, typedMeanwhile, expect.any(String), null);
  });

  it("keeps an unanswered or transiently refused send first in line, and sends nothing after it", async () => {
    vi.useFakeTimers();
    try {
      for (const answer of [undefined, refused("RATE_LIMITED"), refused("INTERNAL")]) {
        const { sender, outbox, calls, handlers } = setup(() => answer, [entry("msg-00001"), entry("msg-00002")]);
        await sender.flush();
        expect(calls).toHaveLength(1);
        expect(outbox.list().map((e) => e.clientMsgId)).toEqual(["msg-00001", "msg-00002"]);
        expect(handlers.rejected).not.toHaveBeenCalled();
        sender.stop();
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("resends the same clientMsgId after a lost ack", async () => {
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const { sender, outbox, calls } = setup(
        () =>
          ++attempts === 1 ? undefined : { ok: true, data: { message: message(1, { clientMsgId: "msg-00001" }) } },
        [entry("msg-00001")],
      );
      await sender.flush();
      await vi.runAllTimersAsync();
      expect(calls.map((c) => c.payload.clientMsgId)).toEqual(["msg-00001", "msg-00001"]);
      expect(outbox.list()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not send while offline", async () => {
    const { sender, raw, calls, outbox } = setup(() => undefined, [entry("msg-00001")]);
    raw.connected = false;
    await sender.flush();
    expect(calls).toHaveLength(0);
    expect(outbox.list()).toHaveLength(1);
  });
});

describe("syncConversation", () => {
  it("pages while hasMore, advancing afterSeq and pinning the conversation the first page named", async () => {
    const pages: SyncPage[] = [
      { conversation: conversation(), messages: [message(1), message(2)], hasMore: true },
      { conversation: conversation(), messages: [message(4)], hasMore: false },
    ];
    const { socket, calls } = fakeSocket(() => ({ ok: true, data: pages.shift() }));
    const seen: number[] = [];
    const outcome = await syncConversation(socket, null, 0, (page) => {
      seen.push(...page.messages.map((m) => m.seq));
      return true;
    });
    expect(outcome).toBe("done");
    expect(seen).toEqual([1, 2, 4]);
    expect(calls.map((c) => c.payload)).toEqual([{ afterSeq: 0 }, { conversationId: CONV, afterSeq: 2 }]);
  });

  it("reports a refused conversation as gone, and a lost answer as failed", async () => {
    const gone = fakeSocket(() => refused("NOT_FOUND"));
    expect(await syncConversation(gone.socket, CONV, 3, () => true)).toBe("gone");
    expect(gone.calls[0]?.payload).toEqual({ conversationId: CONV, afterSeq: 3 });
    const lost = fakeSocket(() => undefined);
    expect(await syncConversation(lost.socket, CONV, 3, () => true)).toBe("failed");
  });
});
