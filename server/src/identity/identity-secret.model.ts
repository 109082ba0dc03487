import { model, Schema } from "mongoose";

/**
 * A site's identity secret, in its own collection keyed by the site's id: the site document is cached,
 * broadcast to staff and read on every visitor event, and the secret must travel with none of that. Stored as is
 * (an HMAC key cannot be hashed); only admins read it back, on the Admin page.
 */
const identitySecretSchema = new Schema(
  {
    _id: { type: String, required: true },
    secret: { type: String, required: true },
    rotatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface IdentitySecretDoc {
  _id: string;
  secret: string;
  rotatedAt: Date;
}
export const IdentitySecret = model("IdentitySecret", identitySecretSchema, "site_identity_secrets");
