import type { Types } from "mongoose";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { Visitor, type VisitorDoc } from "./visitor.model.ts";
import { VisitorToken, type VisitorTokenDoc } from "./visitor-token.model.ts";

/** Who a visitor is, as far as every event needs: plain ids, not a copy of their document. */
export type VisitorRef = Pick<VisitorDoc, "_id" | "site">;
/** A token's visitor, and whether the session was minted for a verified identity. */
export type TokenVisitor = VisitorRef & { verified: boolean };

/** A new visitor of the site and their bearer token (returned once; only its hash is stored). */
export async function mintVisitor(siteId: Types.ObjectId): Promise<string> {
  const token = mintToken();
  const tokenHash = hashToken(token);
  const visitor = await Visitor.create({ site: siteId, tokenHash });
  // A crash between the two leaves a visitor no token reaches: the client never got it, so nothing is lost.
  await VisitorToken.create({ _id: tokenHash, visitor: visitor._id, site: siteId });
  return token;
}

/** The visitor a token belongs to, if they are the site's: one primary-key read. */
export async function visitorOfToken(token: string, site: Pick<SiteDoc, "_id">): Promise<TokenVisitor | null> {
  const row = await VisitorToken.findById(hashToken(token)).lean<VisitorTokenDoc>();
  if (!row?.site.equals(site._id)) return null;
  return { _id: row.visitor, site: row.site, verified: typeof row.userId === "string" };
}

/**
 * Visitors from before tokens were keyed by hash get their token row: run once, at the first start of
 * this version (db/migrations.ts).
 */
export async function keyVisitorTokens(): Promise<number> {
  let keyed = 0;
  const visitors = Visitor.find({}).select({ _id: 1, site: 1, tokenHash: 1 }).lean<VisitorDoc[]>().cursor();
  for await (const v of visitors) {
    const done = await VisitorToken.updateOne(
      { _id: v.tokenHash },
      { $setOnInsert: { visitor: v._id, site: v.site } },
      { upsert: true },
    );
    keyed += done.upsertedCount;
  }
  return keyed;
}
