import { model, Schema } from "mongoose";

/**
 * That a visitor opened one manual article from a ticket's reply form, keyed `${ticketId}:${articleId}`:
 * the timeline says it once however often they open it, and checking is one primary-key write.
 */
const manualOpenSchema = new Schema(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: "manual_opens" },
);

export const ManualOpen = model("ManualOpen", manualOpenSchema);
