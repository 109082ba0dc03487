import { model, Schema, type Types } from "mongoose";
import type { ClockFate } from "../sla/sla-clock.ts";

/**
 * The figures' rows for one site and one UTC hour of creation: each chat and ticket created in that hour,
 * as the figures need it, updated as the chat or ticket changes (figures-ledger.ts). A week's figures read 169 of
 * these by primary key instead of every chat and ticket of the history.
 */
const statsBucketSchema = new Schema(
  {
    _id: { type: String, required: true },
    site: { type: Schema.Types.ObjectId, required: true },
    /**
     * Rows by chat id and by ticket id, each one JSON string: a week is tens of thousands of rows, and a database
     * reads one string far faster than the fields of an object (FerretDB: ~10× here).
     */
    chats: { type: Schema.Types.Mixed, default: {} },
    tickets: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export interface StoredChatRow {
  createdAt: Date;
  status: string;
  assignee: { id: string; name: string } | null;
  declinedCount: number;
  hadAgent: boolean;
  closedAt: Date | null;
  firstAgentReplyAt: Date | null;
  /** Why the chat closed; absent on rows written before close reasons were kept. */
  closeReason?: string | null;
  /** "good" or "bad" once the visitor rated the chat; absent on rows written before ratings. */
  rating?: string | null;
}

export interface StoredTicketRow {
  createdAt: Date;
  priority: string;
  response: ClockFate;
  workaround: ClockFate | null;
}

export interface StatsBucketDoc {
  _id: string;
  site: Types.ObjectId;
  /** JSON of a StoredChatRow, dates as ISO strings. */
  chats: Record<string, string>;
  /** JSON of a StoredTicketRow, dates as ISO strings. */
  tickets: Record<string, string>;
}
export const StatsBucket = model("StatsBucket", statsBucketSchema, "stats_buckets");

const HOUR_MS = 3_600_000;

/** The bucket of a site's chat or ticket created at `createdAt`: "<site>:<UTC hour>". */
export const bucketKeyAt = (site: Types.ObjectId, createdAt: Date): string =>
  `${site.toHexString()}:${new Date(Math.floor(createdAt.getTime() / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13)}`;

/** Every bucket key of a site from the hour of `from` to the hour of `to`. */
export function bucketKeysBetween(site: Types.ObjectId, from: Date, to: Date): string[] {
  const keys: string[] = [];
  for (let h = Math.floor(from.getTime() / HOUR_MS); h <= Math.floor(to.getTime() / HOUR_MS); h++) {
    keys.push(bucketKeyAt(site, new Date(h * HOUR_MS)));
  }
  return keys;
}
