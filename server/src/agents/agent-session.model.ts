import { model, Schema, type Types } from "mongoose";

// Keyed by the sha256 of the cookie value: checking a session on every staff event is one primary-key
// read, however many sessions are stored. The raw token is never stored. No TTL index (FerretDB 1.24 has none):
// expiry is checked on read and expired rows are swept in the background (agent-sessions.ts).
const agentSessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    agent: { type: Schema.Types.ObjectId, ref: "Agent", required: true, index: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface AgentSessionDoc {
  _id: string;
  agent: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}
export const AgentSession = model("AgentSession", agentSessionSchema);
