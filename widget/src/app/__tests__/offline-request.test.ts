import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pendingOfflineRequest } from "../offline-pending.ts";
import { type OfflineFields, OfflineRequestStore } from "../offline-request.ts";
import { memoryStore } from "../storage.ts";

const KEY = "parley:demo:offline-request";
const fields: OfflineFields = {
  name: " Ada ",
  email: "ada@example.com",
  priority: "high",
  product: "",
  details: " The export button does nothing. ",
};

describe("OfflineRequestStore", () => {
  // ids.ts asks the browser whether crypto.randomUUID may be used.
  beforeAll(() => vi.stubGlobal("isSecureContext", true));
  afterAll(() => vi.unstubAllGlobals());

  it("stores the request before it is sent, so a reload resends it with the same id", () => {
    const store = memoryStore();
    const request = new OfflineRequestStore(store, KEY, pendingOfflineRequest).begin(fields);
    expect(request).toEqual({
      clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      name: "Ada",
      email: "ada@example.com",
      priority: "high",
      details: "The export button does nothing.",
    });
    expect(new OfflineRequestStore(store, KEY, pendingOfflineRequest).pending()).toEqual(request);
  });

  it("keeps the id for a resubmission of the same request, and picks a new one for a different request", () => {
    const requests = new OfflineRequestStore(memoryStore(), KEY, pendingOfflineRequest);
    const first = requests.begin(fields);
    expect(requests.begin({ ...fields }).clientRequestId).toBe(first.clientRequestId);
    const other = requests.begin({ ...fields, product: "billing" });
    expect(other.clientRequestId).not.toBe(first.clientRequestId);
    expect(other.product).toBe("billing");
  });

  it("forgets a request once answered, but not a newer one that replaced it", () => {
    const requests = new OfflineRequestStore(memoryStore(), KEY, pendingOfflineRequest);
    const first = requests.begin(fields);
    const second = requests.begin({ ...fields, details: "Also the import." });
    requests.finish(first.clientRequestId);
    expect(requests.pending()).toEqual(second);
    requests.finish(second.clientRequestId);
    expect(requests.pending()).toBeNull();
    // Once answered, the same fields are a new request.
    expect(requests.begin(fields).clientRequestId).not.toBe(first.clientRequestId);
  });

  it("ignores corrupt or foreign storage", () => {
    const store = memoryStore();
    const requests = new OfflineRequestStore(store, KEY, pendingOfflineRequest);
    store.setItem(KEY, "{oops");
    expect(requests.pending()).toBeNull();
    store.setItem(KEY, JSON.stringify({ clientRequestId: "abcdefgh", name: "A", email: "a@b.co", details: "x" }));
    expect(requests.pending()).toBeNull();
  });
});
