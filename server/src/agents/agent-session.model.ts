import { type InferSchemaType, model, Schema, type Types } from "mongoose";

// No TTL index: FerretDB 1.24 has none, so expiry is checked on read and
// expired rows are swept at login.
const agentSessionSchema = new Schema({
  /** sha256 of the cookie value; the raw token is never stored. */
  tokenHash: { type: String, required: true, unique: true },
  agent: { type: Schema.Types.ObjectId, ref: "Agent", required: true, index: true },
  createdAt: { type: Date, required: true, default: () => new Date() },
  expiresAt: { type: Date, required: true },
});

export type AgentSessionDoc = InferSchemaType<typeof agentSessionSchema> & { _id: Types.ObjectId };
export const AgentSession = model("AgentSession", agentSessionSchema);
