import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, callUnchecked, ok, startInput, TestServer } from "../../../test/harness.ts";
import { Message } from "../message.model.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
  // New chats start only while someone is online to answer them.
  await t.staff(site._id);
});
afterAll(() => t.stop());

describe("bad input is refused with an error ack and loses nothing", () => {
  it("should refuse an operator object, an unknown field and an over-long message", async () => {
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", startInput("keep me"));
    const conversationId = started.conversation.id;

    const operator = await callUnchecked(visitor.socket, "message:send", {
      conversationId: { $ne: null },
      clientMsgId: "op-attack-1",
      body: "x",
    });
    expect(operator).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });

    const syncOperator = await callUnchecked(visitor.socket, "conversation:sync", {
      conversationId: { $gt: "" },
      afterSeq: 0,
    });
    expect(syncOperator).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });

    const unknownField = await callUnchecked(visitor.socket, "message:send", {
      conversationId,
      clientMsgId: "unknown-field",
      body: "x",
      authorKind: "agent",
    });
    expect(unknownField).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });

    const tooLong = await call(visitor.socket, "message:send", {
      conversationId,
      clientMsgId: "too-long-1",
      body: "a".repeat(MAX_MESSAGE_LENGTH + 1),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: "MESSAGE_TOO_LONG" } });

    const atLimit = await call(visitor.socket, "message:send", {
      conversationId,
      clientMsgId: "at-limit-1",
      body: "a".repeat(MAX_MESSAGE_LENGTH),
    });
    expect(atLimit.ok).toBe(true);

    const notAString = await callUnchecked(visitor.socket, "message:send", {
      conversationId,
      clientMsgId: "num-body-1",
      body: 42,
    });
    expect(notAString).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });

    const stored = await Message.find({ conversation: conversationId }).sort({ seq: 1 }).lean();
    expect(stored.map((m) => m.clientMsgId)).toEqual([started.message.clientMsgId, "at-limit-1"]);
    expect(stored[0]?.body).toBe("keep me");
  });

  it("should answer an unknown event with an error ack", async () => {
    const visitor = await t.visitor(site.key);
    expect(await callUnchecked(visitor.socket, "admin:drop-everything", {})).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });

  it("should refuse a payload over the socket buffer limit by dropping the connection", async () => {
    const visitor = await t.visitor(site.key);
    const dropped = new Promise<string>((resolve) => visitor.socket.once("disconnect", (reason) => resolve(reason)));
    visitor.socket.emit("message:send", { body: "x".repeat(200_000) } as never, () => {});
    expect(await dropped).toBe("transport close");
  });

  it("should refuse a REST body that is not a string where a string is due", async () => {
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: { $ne: null }, password: "x" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});
