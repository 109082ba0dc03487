import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { initialState } from "../chat-state.ts";
import { OfflineFlow } from "../offline-flow.ts";
import { pendingOfflineRequest } from "../offline-pending.ts";
import { type OfflineFields, OfflineRequestStore } from "../offline-request.ts";
import { request } from "../request.ts";
import { memoryStore } from "../storage.ts";
import { Store } from "../store.ts";
import { fakeSocket } from "./fake-socket.ts";

const fields: OfflineFields = {
  name: " Ada ",
  email: "ada@example.com",
  priority: "high",
  product: "",
  details: "Help",
};

function setup(reply: Parameters<typeof fakeSocket>[0]) {
  const fake = fakeSocket(reply);
  const requests = new OfflineRequestStore(memoryStore(), "offline", pendingOfflineRequest);
  const store = new Store(initialState(null, true));
  store.update({
    startFailure: { reason: "Support is closed", draft: { name: "Ada", email: "", body: "", product: "" } },
  });
  const flow = new OfflineFlow(requests, store, () => (pending) => request(fake.socket, "offline:submit", pending));
  return { flow, store, requests, ...fake };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("OfflineFlow", () => {
  // ids.ts asks the browser whether crypto.randomUUID may be used.
  beforeAll(() => vi.stubGlobal("isSecureContext", true));
  afterAll(() => vi.unstubAllGlobals());

  it("shows the reference once sent, forgets the stored request and what the refused start left", async () => {
    const { flow, store, requests, calls } = setup(() => ({ ok: true, data: { reference: "REQ-7K3M9Q" } }));
    flow.submit(fields);
    expect(store.get().offline.status).toBe("sending");
    await settled();
    expect(calls).toHaveLength(1);
    expect(store.get()).toMatchObject({
      offline: { status: "sent", reference: "REQ-7K3M9Q" },
      startFailure: null,
      visitorName: "Ada",
    });
    expect(requests.pending()).toBeNull();

    flow.close();
    expect(store.get().offline).toEqual({ status: "idle", error: null });
  });

  it("sends one request while one is on its way, and shows a refusal for good on the form", async () => {
    const { flow, store, calls } = setup(() => ({
      ok: false,
      error: { code: "BAD_REQUEST", message: "email: Invalid email address" },
    }));
    flow.submit(fields);
    flow.submit({ ...fields, details: "Twice" });
    await settled();
    expect(calls).toHaveLength(1);
    expect(store.get().offline).toEqual({ status: "idle", error: "email: Invalid email address" });
  });
});
