import { AGENT_ROLES } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

const agentSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    role: { type: String, enum: AGENT_ROLES, required: true, default: "agent" },
    /** argon2id PHC string; never selected unless a login needs it. */
    passwordHash: { type: String, required: true, select: false },
    disabled: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export type AgentDoc = InferSchemaType<typeof agentSchema> & { _id: Types.ObjectId };
export const Agent = model("Agent", agentSchema);
