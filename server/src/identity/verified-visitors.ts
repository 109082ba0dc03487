import type { ConversationStartInput, IdentityClaims } from "@parley/shared";
import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { Visitor, type VisitorDoc } from "../visitors/visitor.model.ts";
import { VisitorToken } from "../visitors/visitor-token.model.ts";
import { identityKey, VisitorIdentity, type VisitorIdentityDoc } from "./visitor-identity.model.ts";

/**
 * A new bearer token for the verified user's visitor on this site, creating that visitor the first time. Every
 * device of the user gets its own token onto the same visitor, so conversations and tickets (which belong to the
 * visitor) are the same everywhere. Anonymous visitors are never adopted: a chat begun before signing in stays with
 * that anonymous visitor, so nobody's earlier chat on a shared computer lands in a signed-in user's history.
 */
export async function mintVerifiedVisitor(siteId: Types.ObjectId, claims: IdentityClaims): Promise<string> {
  const token = mintToken();
  const tokenHash = hashToken(token);
  const visitorId = await visitorOfUser(siteId, claims, tokenHash);
  await VisitorToken.create({ _id: tokenHash, visitor: visitorId, site: siteId, userId: claims.userId });
  return token;
}

async function visitorOfUser(
  siteId: Types.ObjectId,
  claims: IdentityClaims,
  tokenHash: string,
): Promise<Types.ObjectId> {
  const key = identityKey(siteId, claims.userId);
  const profile = { ...(claims.name ? { name: claims.name } : {}), ...(claims.email ? { email: claims.email } : {}) };
  const known = await VisitorIdentity.findById(key).lean<VisitorIdentityDoc>();
  if (known) {
    // The host's server is the authority on its user's name and email: the latest signed values win.
    if (Object.keys(profile).length > 0) await Visitor.updateOne({ _id: known.visitor }, { $set: profile });
    return known.visitor;
  }
  const visitor = await Visitor.create({ site: siteId, tokenHash, userId: claims.userId, ...profile });
  try {
    await VisitorIdentity.create({ _id: key, visitor: visitor._id });
    return visitor._id;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Another device of the same user signed in first: theirs is the user's visitor, this one was never used.
    await Visitor.deleteOne({ _id: visitor._id });
    const winner = await VisitorIdentity.findById(key).lean<VisitorIdentityDoc>();
    if (!winner) throw err;
    return winner.visitor;
  }
}

/**
 * A verified visitor's chat carries the name and email the host's server signed, not what was typed in the form:
 * agents and tickets can trust them, and the start (which stores the form's values on the visitor) cannot overwrite
 * them. One primary-key read per chat started.
 */
export async function withVerifiedProfile(
  visitorId: Types.ObjectId,
  input: ConversationStartInput,
): Promise<ConversationStartInput> {
  const v = await Visitor.findById(visitorId).select({ name: 1, email: 1 }).lean<Pick<VisitorDoc, "name" | "email">>();
  return { ...input, ...(v?.name ? { name: v.name } : {}), ...(v?.email ? { email: v.email } : {}) };
}
