import type { Types } from "mongoose";
import { mintToken } from "../security/opaque-token.ts";
import { IdentitySecret, type IdentitySecretDoc } from "./identity-secret.model.ts";

/**
 * The site's identity secret, made on first use (by an admin opening the page, or by a first token to check): one
 * primary-key upsert, so two nodes asking at once agree on one secret. Not cached: a rotation on any node takes
 * effect everywhere at once, and this is read once per new widget session, not per event.
 */
export async function identitySecretOf(siteId: Types.ObjectId, now: Date): Promise<string> {
  const doc = await IdentitySecret.findOneAndUpdate(
    { _id: siteId.toHexString() },
    { $setOnInsert: { secret: mintToken(), rotatedAt: now } },
    { upsert: true, returnDocument: "after" },
  ).lean<IdentitySecretDoc>();
  if (!doc) throw new Error("identity secret upsert returned nothing");
  return doc.secret;
}

/** A new secret; every token signed with the old one fails from now on. */
export async function rotateIdentitySecret(siteId: Types.ObjectId, now: Date): Promise<string> {
  const secret = mintToken();
  await IdentitySecret.updateOne({ _id: siteId.toHexString() }, { $set: { secret, rotatedAt: now } }, { upsert: true });
  return secret;
}
