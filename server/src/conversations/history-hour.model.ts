import { model, Schema, type Types } from "mongoose";

/**
 * The History search's rows for one site and one UTC hour of closing: each chat closed in that hour, as
 * the search matches and lists it, written once when the chat is archived. A search reads these by primary key,
 * newest hour first, and stops when a page is full: on devdb any other read of the history scans all of it, in the
 * database the live chats write to. Same layout as the figures' buckets (figures/stats-bucket.model.ts).
 */
const historyHourSchema = new Schema(
  {
    _id: { type: String, required: true },
    site: { type: Schema.Types.ObjectId, required: true },
    /** Rows by chat id, each one JSON string (a StoredHistoryRow): one string reads far faster than its fields. */
    chats: { type: Schema.Types.Mixed, default: {} },
    /** Chat ids a ticket was made from: set apart, by primary key, whenever the ticket comes. */
    ticketed: { type: Schema.Types.Mixed, default: {} },
    /** Ratings by chat id ("good" or "bad"): set apart, by primary key, when the visitor rates. */
    rated: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false },
);

export interface StoredHistoryRow {
  closedAt: string;
  visitorName: string;
  visitorEmail: string | null;
  assignee: { id: string; name: string } | null;
  product: string | null;
  closeReason: string | null;
  /** Agents who had the chat or wrote in it. */
  handledBy: string[];
  /** The visible messages, lowercased, cut to SEARCH_TEXT_LIMIT. */
  text: string;
  /** The visitor's first message (for chats with no text to show). */
  preview: string | null;
}

export interface HistoryHourDoc {
  _id: string;
  site: Types.ObjectId;
  chats: Record<string, string>;
  ticketed: Record<string, boolean>;
  /** Absent on hours from before ratings. */
  rated?: Record<string, string>;
}
export const HistoryHour = model("HistoryHour", historyHourSchema, "history_hours");

export const HOUR_MS = 3_600_000;

/** "<site>:<UTC hour>", e.g. "65f…:2026-12-07T05". */
export const historyHourKey = (site: Types.ObjectId, hour: number): string =>
  `${site.toHexString()}:${new Date(hour * HOUR_MS).toISOString().slice(0, 13)}`;

export const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);
