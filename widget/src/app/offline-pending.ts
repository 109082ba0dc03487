import type { OfflineRequestInput } from "@parley/shared";
import { PRIORITIES } from "@parley/shared/constants";
import type { KeyValueStore } from "./storage.ts";

/**
 * The offline request a reload left on its way, read at start (the panel shows it sending). The rest of the offline
 * flow is its own chunk (offline-flow.ts), fetched only when a request is sent or resent.
 */
export function pendingOfflineRequest(store: KeyValueStore, key: string): OfflineRequestInput | null {
  const raw = store.getItem(key);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRequest(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isRequest(value: unknown): value is OfflineRequestInput {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.clientRequestId === "string" &&
    typeof r.name === "string" &&
    typeof r.email === "string" &&
    typeof r.details === "string" &&
    (PRIORITIES as readonly unknown[]).includes(r.priority) &&
    (r.product === undefined || typeof r.product === "string")
  );
}
