import type { ChatRow, TicketRow } from "./figures.ts";

/**
 * The figures' buckets, parsed, for the figures read again a moment later (a supervisor's Figures page, the 7 days
 * refreshed): only the hours that changed since are read again. A bucket is forgotten when this process writes to
 * it (figures-ledger.ts); another process's write is seen within STALE_MS.
 */
const STALE_MS = 60_000;
const MAX_BUCKETS = 5_000;

interface Parsed {
  chats: ChatRow[];
  tickets: TicketRow[];
  at: number;
}

const buckets = new Map<string, Parsed>();
/** Bumped by every forget: what a read found must not be kept if a write came in while it ran. */
let generation = 0;

/** Taken before reading buckets, handed back to rememberBucket. */
export const bucketGeneration = (): number => generation;

export function cachedBucket(key: string, now = Date.now()): Parsed | undefined {
  const hit = buckets.get(key);
  if (hit && now - hit.at < STALE_MS) return hit;
  buckets.delete(key);
  return undefined;
}

export function rememberBucket(key: string, rows: Omit<Parsed, "at">, readAt: number, now = Date.now()): void {
  if (readAt !== generation) return;
  if (buckets.size >= MAX_BUCKETS) buckets.clear();
  buckets.set(key, { ...rows, at: now });
}

export function forgetBucket(key: string): void {
  generation++;
  buckets.delete(key);
}
