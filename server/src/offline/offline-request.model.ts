import { PRIORITIES } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const offlineRequestSchema = new Schema({
  site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
  visitor: { type: Schema.Types.ObjectId, ref: "Visitor", required: true },
  /** The widget's id for this submission: a retry finds the stored request instead of adding another. */
  clientRequestId: { type: String, required: true },
  /** What the visitor is given as acknowledgement, e.g. "REQ-7K3M9Q"; unique across the installation. */
  reference: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  email: { type: String, required: true },
  priority: { type: String, enum: PRIORITIES, required: true },
  product: { type: String, default: null },
  details: { type: String, required: true },
  /** Manual articles suggested while writing that the visitor opened, titled as when they sent it. */
  manualsOpened: { type: [{ _id: false, id: String, title: String, url: String }], default: [] },
  /** The browser's time zone, for proposing a web conference on a ticket made from this request. */
  timeZone: { type: String, default: null },
  createdAt: { type: Date, required: true, default: () => new Date() },
});
offlineRequestSchema.index({ visitor: 1, clientRequestId: 1 }, { unique: true });
offlineRequestSchema.index({ site: 1, createdAt: -1 });

export type OfflineRequestDoc = InferSchemaType<typeof offlineRequestSchema> & { _id: Types.ObjectId };
export const OfflineRequest = model("OfflineRequest", offlineRequestSchema);
