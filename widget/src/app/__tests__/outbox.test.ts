import { describe, expect, it } from "vitest";
import { describeError, isPermanent } from "../errors.ts";
import { Outbox, type OutboxEntry, sendPayload, startPayload } from "../outbox.ts";
import { memoryStore } from "../storage.ts";
import { CONV } from "./fixtures.ts";

const KEY = "parley:demo:outbox";
const environment = { url: "https://shop.example/", referrer: "", userAgent: "UA", language: "en", timeZone: "UTC" };

function entry(clientMsgId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    clientMsgId,
    kind: "message",
    conversationId: CONV,
    body: "hi",
    createdAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("Outbox", () => {
  it("persists entries in insertion order and removes them by clientMsgId", () => {
    const store = memoryStore();
    const outbox = new Outbox(store, KEY);
    outbox.add(entry("a-000001"));
    outbox.add(entry("b-000002"));
    outbox.add(entry("c-000003"));
    // A second instance (another page, another tab) sees the same queue.
    expect(new Outbox(store, KEY).list().map((e) => e.clientMsgId)).toEqual(["a-000001", "b-000002", "c-000003"]);
    outbox.remove("b-000002");
    expect(outbox.list().map((e) => e.clientMsgId)).toEqual(["a-000001", "c-000003"]);
  });

  it("clears the key once empty", () => {
    const store = memoryStore();
    const outbox = new Outbox(store, KEY);
    outbox.add(entry("a-000001"));
    outbox.remove("a-000001");
    expect(store.getItem(KEY)).toBeNull();
  });

  it("re-adding an entry with the same clientMsgId replaces it instead of duplicating", () => {
    const outbox = new Outbox(memoryStore(), KEY);
    outbox.add(entry("a-000001", { body: "one" }));
    outbox.add(entry("a-000001", { body: "two" }));
    expect(outbox.list()).toEqual([entry("a-000001", { body: "two" })]);
  });

  it("does not lose entries another tab wrote after this instance last read", () => {
    const store = memoryStore();
    const tabA = new Outbox(store, KEY);
    const tabB = new Outbox(store, KEY);
    tabA.add(entry("a-000001"));
    tabB.add(entry("b-000002"));
    tabA.remove("a-000001");
    expect(tabB.list().map((e) => e.clientMsgId)).toEqual(["b-000002"]);
  });

  it("survives corrupt storage", () => {
    const store = memoryStore();
    store.setItem(KEY, "{not json");
    expect(new Outbox(store, KEY).list()).toEqual([]);
    store.setItem(KEY, JSON.stringify([{ nope: true }, entry("ok-000001")]));
    expect(new Outbox(store, KEY).list().map((e) => e.clientMsgId)).toEqual(["ok-000001"]);
  });
});

describe("payloads", () => {
  it("builds a start payload, omitting an empty email", () => {
    const start = entry("s-000001", { kind: "start", conversationId: undefined, name: "Ada", email: "", environment });
    expect(startPayload(start)).toEqual({ clientMsgId: "s-000001", name: "Ada", body: "hi", environment });
    expect(startPayload({ ...start, email: "ada@example.com" })?.email).toBe("ada@example.com");
    expect(startPayload({ ...start, product: "billing" })?.product).toBe("billing");
    expect(startPayload({ ...start, product: "" })).not.toHaveProperty("product");
    expect(startPayload(entry("m-000001"))).toBeNull();
  });

  it("sends a message to its own conversation, or to the current one if it was typed while starting", () => {
    expect(sendPayload(entry("m-000001"), "ffffffffffffffffffffffff")?.conversationId).toBe(CONV);
    const early = entry("m-000002", { conversationId: undefined });
    expect(sendPayload(early, "ffffffffffffffffffffffff")?.conversationId).toBe("ffffffffffffffffffffffff");
    expect(sendPayload(early, null)).toBeNull();
  });

  it("keeps a message's attachments across a reload and sends their ids on every attempt", () => {
    const store = memoryStore();
    const file = { id: "abcdefabcdefabcdefabcdef", name: "shot.png" };
    new Outbox(store, KEY).add(entry("m-000003", { body: "shot.png", attachments: [file] }));
    const [restored] = new Outbox(store, KEY).list();
    expect(restored?.attachments).toEqual([file]);
    expect(sendPayload(restored as OutboxEntry, null)).toEqual({
      conversationId: CONV,
      clientMsgId: "m-000003",
      body: "shot.png",
      attachmentIds: [file.id],
    });
    // Without files the payload stays as it was.
    expect(sendPayload(entry("m-000004"), null)).not.toHaveProperty("attachmentIds");
  });

  it("ignores a stored entry whose attachments are malformed", () => {
    const store = memoryStore();
    store.setItem(KEY, JSON.stringify([entry("m-000005", { attachments: [{ id: 1 }] as never })]));
    expect(new Outbox(store, KEY).list()).toEqual([]);
  });
});

describe("error classification", () => {
  it("drops sends the server refused for good and keeps the rest for a retry", () => {
    for (const code of ["BAD_REQUEST", "MESSAGE_TOO_LONG", "CONVERSATION_CLOSED", "NOT_FOUND", "FORBIDDEN"] as const) {
      expect(isPermanent({ code, message: "" })).toBe(true);
    }
    for (const code of ["RATE_LIMITED", "UNAVAILABLE", "INTERNAL", "UNAUTHENTICATED"] as const) {
      expect(isPermanent({ code, message: "" })).toBe(false);
    }
    expect(describeError({ code: "MESSAGE_TOO_LONG", message: "x" })).toMatch(/too long/);
  });
});
