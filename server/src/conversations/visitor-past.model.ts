import { model, Schema } from "mongoose";

/**
 * One visitor's closed chats and tickets, by id, with when each closed or was made: the visitor panel reads this by
 * primary key, then each of the newest by primary key, instead of searching the history for the visitor.
 */
const visitorPastSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Chat id → closedAt (ISO). */
    chats: { type: Schema.Types.Mixed, default: {} },
    /** Ticket id → createdAt (ISO). */
    tickets: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export interface VisitorPastDoc {
  _id: string;
  chats: Record<string, string>;
  tickets: Record<string, string>;
}
export const VisitorPast = model("VisitorPast", visitorPastSchema, "visitor_pasts");
