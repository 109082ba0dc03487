import { DEFAULT_WIDGET_SETTINGS, type OfflineRequestDto, type SiteSettingsDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import {
  arrivalAnnouncement,
  emptyOffline,
  lastArrival,
  offlineCreated,
  offlineFailed,
  offlineLoaded,
  offlineReceived,
} from "../offline.ts";
import { emptySite, productName, siteSyncCompleted, siteSyncFailed, siteSyncStarted, siteUpdated } from "../site.ts";

const site = (name: string): SiteSettingsDto => ({
  key: "acme",
  name,
  assignmentMode: "auto",
  offerTimeoutSeconds: 30,
  supportHours: { timeZone: "UTC", weekly: [], closedDates: [], extraOpenings: [] },
  products: [{ id: "billing", name: "Billing" }],
  tickets: { slaPlans: [], autoCloseWorkingDays: 5, refuseUnentitled: false },
  supervision: { queueWaitAlertSeconds: 120, unansweredAlertSeconds: 180 },
  visitorGone: { leftAfterMinutes: 10, closeAfterMinutes: 30 },
  widget: DEFAULT_WIDGET_SETTINGS,
});

describe("site", () => {
  it("prefers a site:updated that arrived during the sync over the sync's answer", () => {
    const state = siteUpdated(siteSyncStarted(emptySite), site("newer"));
    expect(siteSyncCompleted(state, site("older")).settings?.name).toBe("newer");
    expect(siteSyncCompleted(siteSyncStarted(emptySite), site("only")).settings?.name).toBe("only");
  });

  it("keeps the newest site:updated held during a sync that failed", () => {
    let state = siteSyncCompleted(siteSyncStarted(emptySite), site("old"));
    state = siteUpdated(siteUpdated(siteSyncStarted(state), site("newer")), site("newest"));
    expect(state.settings?.name).toBe("old");
    const failed = siteSyncFailed(state);
    expect(failed.settings?.name).toBe("newest");
    expect(failed.syncing).toBe(false);
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

  it("counts a live request as an arrival, but not the loaded list or a request it already lists", () => {
    const listed = offlineLoaded(emptyOffline, [request(1, "2025-01-01T00:00:00.000Z")]);
    expect(listed.arrivals).toEqual([]);
    let state = offlineCreated(listed, request(2, "2025-01-02T00:00:00.000Z"));
    state = offlineCreated(state, request(1, "2025-01-01T00:00:00.000Z"));
    expect(state.arrivals.map((a) => a.request.reference)).toEqual(["REQ-2"]);
    expect(state.requests.map((r) => r.reference)).toEqual(["REQ-2", "REQ-1"]);
  });

  it("announces only the arrivals after the one last told about", () => {
    let state = offlineCreated(emptyOffline, request(1, "2025-01-01T00:00:00.000Z"));
    const seen = lastArrival(state.arrivals);
    expect(arrivalAnnouncement(state.arrivals, seen)).toBe("");
    state = offlineCreated(state, request(2, "2025-01-02T00:00:00.000Z"));
    expect(arrivalAnnouncement(state.arrivals, seen)).toBe("New offline request REQ-2 from Vera");
    state = offlineCreated(state, request(3, "2025-01-03T00:00:00.000Z"));
    expect(arrivalAnnouncement(state.arrivals, seen)).toBe(
      "New offline request REQ-2 from Vera. New offline request REQ-3 from Vera",
    );
  });

  it("keeps only the last few arrivals, still numbered in order", () => {
    let state = emptyOffline;
    for (let n = 1; n <= 15; n++)
      state = offlineCreated(state, request(n, `2025-01-01T00:00:${String(n).padStart(2, "0")}.000Z`));
    expect(state.arrivals).toHaveLength(10);
    expect(lastArrival(state.arrivals)).toBe(15);
    expect(state.requests).toHaveLength(15);
  });
});
