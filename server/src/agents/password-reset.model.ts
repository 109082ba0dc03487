import { model, Schema, type Types } from "mongoose";

// One emailed reset link, keyed by the sha256 of its token: redeeming it is one primary-key read, and the token
// itself is never stored, so a copy of the database cannot be used to take over an account. No TTL index
// (FerretDB 1.24 has none): expiry is checked on redeem and expired rows are swept in the background.
const passwordResetSchema = new Schema(
  {
    _id: { type: String, required: true },
    agent: { type: Schema.Types.ObjectId, ref: "Agent", required: true, index: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: "password_resets" },
);

export interface PasswordResetDoc {
  _id: string;
  agent: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}
export const PasswordReset = model("PasswordReset", passwordResetSchema);
