import { model, Schema } from "mongoose";

/**
 * Per site, the hour of its oldest closed chat: where a History search with no start date stops reading hours.
 * Lowered with `$min` by primary key as chats are archived.
 */
const historySpanSchema = new Schema(
  {
    _id: { type: String, required: true },
    firstHour: { type: Number, required: true },
  },
  { versionKey: false },
);

export interface HistorySpanDoc {
  _id: string;
  firstHour: number;
}
export const HistorySpan = model("HistorySpan", historySpanSchema, "history_spans");
