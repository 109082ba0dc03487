import { API_ACCESS, type ApiKeyScopes } from "@parley/shared";
import { model, Schema, type Types } from "mongoose";

const access = { type: String, enum: API_ACCESS, required: true };

/**
 * A REST API key, keyed by the sha256 of its secret: every API request finds its key with one `_id`
 * read (the only indexed read on devdb), and a stolen database holds no usable secret. `keyId` is the public part
 * of the secret (`prk_<keyId>_…`) that the Admin page shows and revokes by.
 */
const apiKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    keyId: { type: String, required: true, unique: true },
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    name: { type: String, required: true },
    scopes: {
      conversations: access,
      messages: access,
      tickets: access,
      customers: access,
      offline: access,
    },
    /** The agent the key acts as: requests are authorized as that agent (role, site), and messages are theirs. */
    agent: { type: Schema.Types.ObjectId, ref: "Agent", required: true },
    agentName: { type: String, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export interface ApiKeyDoc {
  _id: string;
  keyId: string;
  site: Types.ObjectId;
  name: string;
  scopes: ApiKeyScopes;
  agent: Types.ObjectId;
  agentName: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export const ApiKey = model("ApiKey", apiKeySchema, "api_keys");
