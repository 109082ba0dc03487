import type { OfflineRequestInput } from "@parley/shared";
import type { ErrorCode } from "@parley/shared/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type OfflineSubmitHandlers, OfflineSubmitter } from "../offline-submitter.ts";
import { request as send } from "../request.ts";
import { type Call, fakeSocket } from "./fake-socket.ts";

const request: OfflineRequestInput = {
  clientRequestId: "req-00000001",
  name: "Ada",
  email: "ada@example.com",
  priority: "medium",
  details: "Help",
};
const refused = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function setup(reply: Parameters<typeof fakeSocket>[0]) {
  const fake = fakeSocket(reply);
  let current: OfflineRequestInput | null = request;
  const handlers = {
    current: () => current,
    sent: vi.fn(() => (current = null)),
    refused: vi.fn(() => (current = null)),
    retrying: vi.fn(),
  } satisfies OfflineSubmitHandlers;
  const submitter = new OfflineSubmitter(
    () => (fake.raw.connected ? (pending) => send(fake.socket, "offline:submit", pending) : null),
    handlers,
  );
  return { submitter, handlers, ...fake };
}

describe("OfflineSubmitter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resends the same clientRequestId until the server answers with a reference", async () => {
    let attempts = 0;
    const { submitter, handlers, calls } = setup(() =>
      ++attempts < 3 ? undefined : { ok: true, data: { reference: "REQ-7K3M9Q" } },
    );
    await submitter.flush();
    await vi.runAllTimersAsync();
    expect(calls.map((c: Call) => c.payload.clientRequestId)).toEqual(Array(3).fill("req-00000001"));
    expect(handlers.retrying).toHaveBeenCalledWith("req-00000001", null);
    expect(handlers.sent).toHaveBeenCalledWith("req-00000001", "REQ-7K3M9Q");
  });

  it("passes on the server's words: a refusal for good stops, anything else is retried", async () => {
    const bad = setup(() => refused("BAD_REQUEST", "email: Invalid email address"));
    await bad.submitter.flush();
    await vi.runAllTimersAsync();
    expect(bad.calls).toHaveLength(1);
    expect(bad.handlers.refused).toHaveBeenCalledWith("req-00000001", "email: Invalid email address");

    const busy = setup(() => refused("RATE_LIMITED", "Too many requests"));
    await busy.submitter.flush();
    // In the visitor's words (and language), not the server's.
    expect(busy.handlers.retrying).toHaveBeenCalledWith("req-00000001", "too many messages, please wait a moment");
    expect(busy.handlers.refused).not.toHaveBeenCalled();
    busy.submitter.stop();
  });

  it("waits for a connection", async () => {
    const { submitter, raw, calls } = setup(() => ({ ok: true, data: { reference: "REQ-1" } }));
    raw.connected = false;
    await submitter.flush();
    expect(calls).toHaveLength(0);
  });
});
