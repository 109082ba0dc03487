import { model, Schema, type Types } from "mongoose";

/**
 * When each ticket next needs the SLA watch: one small row per ticket with a check pending, beside the
 * ticket's own `nextCheckAt`, which stays the authority. The watch's pass reads these rows, not the tickets: the
 * tickets only grow, and on devdb any query but a primary-key lookup reads every document it covers.
 */
const slaCheckSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    site: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
slaCheckSchema.index({ at: 1 });

export interface SlaCheckDoc {
  _id: Types.ObjectId;
  site: Types.ObjectId;
  at: Date;
}
export const SlaCheck = model("SlaCheck", slaCheckSchema, "sla_checks");
