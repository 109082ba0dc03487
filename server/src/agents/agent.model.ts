import { AGENT_ROLES, AGENT_STATUSES, DEFAULT_AGENT_CAPACITY } from "@parley/shared/constants";
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
    /** What everyone sees: `preferredStatus` while a console tab is open, "offline" after the grace period. */
    status: { type: String, enum: AGENT_STATUSES, required: true, default: "offline" },
    /** What the agent last picked; restored when they open the console again, so a reload is not a logout. */
    preferredStatus: { type: String, enum: AGENT_STATUSES, required: true, default: "online" },
    capacity: { type: Number, required: true, default: DEFAULT_AGENT_CAPACITY, min: 0 },
    /** Product ids of the site's products this agent supports. */
    products: { type: [String], default: [] },
    /**
     * Chats owned plus offers ringing. Changed only by atomic $inc guarded by `capacity` in the same
     * filter, so two routers (or processes) can never push an agent past capacity; recounted at boot.
     */
    load: { type: Number, required: true, default: 0 },
    /** Whether the console chimes when a chat rings this agent: their own setting (`me:prefs`). */
    notifySound: { type: Boolean, default: true },
    /** Last time a chat was offered to or taken by this agent: routing's tie-breaker. */
    lastAssignedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

agentSchema.index({ site: 1, status: 1 });

export type AgentDoc = InferSchemaType<typeof agentSchema> & { _id: Types.ObjectId };
export const Agent = model("Agent", agentSchema);
