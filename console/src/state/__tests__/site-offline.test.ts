import type { OfflineRequestDto, SiteSettingsDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { emptyOffline, offlineFailed, offlineLoaded, offlineReceived } from "../offline.ts";
import { emptySite, productName, siteSyncCompleted, siteSyncStarted, siteUpdated } from "../site.ts";

const site = (name: string): SiteSettingsDto => ({
  key: "acme",
  name,
  assignmentMode: "auto",
  offerTimeoutSeconds: 30,
  supportHours: { timeZone: "UTC", weekly: [], closedDates: [], extraOpenings: [] },
  products: [{ id: "billing", name: "Billing" }],
});

describe("site", () => {
  it("prefers a site:updated that arrived during the sync over the sync's answer", () => {
    const state = siteUpdated(siteSyncStarted(emptySite), site("newer"));
    expect(siteSyncCompleted(state, site("older")).settings?.name).toBe("newer");
    expect(siteSyncCompleted(siteSyncStarted(emptySite), site("only")).settings?.name).toBe("only");
  });

  it("names products, falling back to the id", () => {
    expect(productName(site("x"), "billing")).toBe("Billing");
    expect(productName(site("x"), "gone")).toBe("gone");
    expect(productName(null, "billing")).toBe("billing");
  });
});

const request = (n: number, createdAt: string): OfflineRequestDto => ({
  id: String(n).padStart(24, "0"),
  reference: `REQ-${n}`,
  name: "Vera",
  email: "vera@example.com",
  priority: "high",
  product: null,
  details: "Please call back",
  createdAt,
});

describe("offline requests", () => {
  it("merges the list and live requests by id, newest first, whichever came first", () => {
    let state = offlineReceived(emptyOffline, [request(3, "2025-01-03T00:00:00.000Z")]);
    state = offlineLoaded(state, [request(1, "2025-01-01T00:00:00.000Z"), request(3, "2025-01-03T00:00:00.000Z")]);
    state = offlineReceived(state, [request(2, "2025-01-02T00:00:00.000Z")]);
    expect(state.loaded).toBe(true);
    expect(state.requests.map((r) => r.reference)).toEqual(["REQ-3", "REQ-2", "REQ-1"]);
  });

  it("remembers why loading failed until a load succeeds", () => {
    const failed = offlineFailed(emptyOffline, { code: "FORBIDDEN", message: "No" });
    expect(failed.error?.code).toBe("FORBIDDEN");
    expect(offlineLoaded(failed, []).error).toBeNull();
  });
});
