import { describe, expect, it } from "vitest";
import {
  enqueue,
  isTransient,
  newClientMsgId,
  pendingFor,
  remove,
  resendable,
  setStatus,
  withoutDelivered,
} from "../outbox.ts";
import { msg } from "./fixtures.ts";

const CLIENT_MSG_ID = /^[A-Za-z0-9_-]{8,64}$/;

describe("outbox", () => {
  const one = enqueue([], { clientMsgId: "client-1-xxxx", conversationId: "c1", body: "hello" });
  const two = enqueue(one, { clientMsgId: "client-2-xxxx", conversationId: "c2", body: "hi" });

  it("starts entries as sending, in order", () => {
    expect(two.map((e) => [e.clientMsgId, e.status])).toEqual([
      ["client-1-xxxx", "sending"],
      ["client-2-xxxx", "sending"],
    ]);
  });

  it("resends only unconfirmed entries, keeping their clientMsgId", () => {
    const state = setStatus(setStatus(two, "client-1-xxxx", "waiting"), "client-2-xxxx", "failed", {
      code: "CONVERSATION_CLOSED",
      message: "This conversation is closed",
    });
    expect(resendable(state).map((e) => e.clientMsgId)).toEqual(["client-1-xxxx"]);
    expect(state[1]?.error?.code).toBe("CONVERSATION_CLOSED");
  });

  it("drops entries the server already stored", () => {
    const delivered = [msg(4, { clientMsgId: "client-1-xxxx" })];
    expect(withoutDelivered(two, delivered).map((e) => e.clientMsgId)).toEqual(["client-2-xxxx"]);
    expect(withoutDelivered(two, [msg(5)])).toBe(two);
  });

  it("filters by conversation and removes by id", () => {
    expect(pendingFor(two, "c2").map((e) => e.body)).toEqual(["hi"]);
    expect(remove(two, "client-2-xxxx")).toHaveLength(1);
  });

  it("treats availability errors as transient and refusals as final", () => {
    expect(isTransient("UNAVAILABLE")).toBe(true);
    expect(isTransient("RATE_LIMITED")).toBe(true);
    expect(isTransient("CONVERSATION_CLOSED")).toBe(false);
    expect(isTransient("FORBIDDEN")).toBe(false);
  });
});

describe("newClientMsgId", () => {
  it("uses randomUUID when available", () => {
    expect(newClientMsgId(crypto)).toMatch(CLIENT_MSG_ID);
  });

  it("falls back to getRandomValues outside secure contexts", () => {
    const id = newClientMsgId({ getRandomValues: (a) => crypto.getRandomValues(a) });
    expect(id).toMatch(CLIENT_MSG_ID);
    expect(id).toHaveLength(32);
  });
});
