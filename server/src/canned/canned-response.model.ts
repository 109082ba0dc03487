import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { type InferSchemaType, model, Schema, type Types } from "mongoose";

/**
 * A saved reply. `owner` null is a site-wide reply (admins edit it); otherwise it is that staff member's
 * personal reply, seen and edited by them alone.
 *
 * Read by site once per console session and after a change, never per message: that query scans the collection on
 * devdb (only `{_id}` filters become SQL), which is fine at these bounds (500 site-wide per site, 100 personal per
 * staff member). A use is one primary-key `$inc`.
 */
const cannedResponseSchema = new Schema(
  {
    site: { type: Schema.Types.ObjectId, ref: "Site", required: true },
    owner: { type: Schema.Types.ObjectId, ref: "Agent", default: null },
    shortcut: { type: String, required: true },
    /**
     * "<site>:<owner or 'site'>:<shortcut>": a shortcut is unique within its list (the site's, or one person's). One
     * unique string rather than a compound index over a nullable owner, whose null handling FerretDB may not share.
     */
    shortcutKey: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    body: { type: String, required: true, maxlength: MAX_MESSAGE_LENGTH },
    useCount: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
cannedResponseSchema.index({ site: 1, owner: 1 });

export type CannedResponseDoc = Omit<InferSchemaType<typeof cannedResponseSchema>, "owner"> & {
  _id: Types.ObjectId;
  /** Always written (null for site-wide), so never missing. */
  owner: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
};
export const CannedResponse = model("CannedResponse", cannedResponseSchema, "canned_responses");

export const shortcutKeyOf = (site: Types.ObjectId, owner: Types.ObjectId | null, shortcut: string): string =>
  `${site.toHexString()}:${owner ? owner.toHexString() : "site"}:${shortcut}`;
