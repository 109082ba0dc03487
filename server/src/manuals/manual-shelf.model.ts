import type { ManualArticleDto } from "@parley/shared";
import { model, Schema } from "mongoose";

/**
 * A site's manual articles, in one document keyed by the site's id: a suggestion reads it by primary
 * key and matches in memory, and the list is bounded (MAX_MANUAL_ARTICLES).
 */
const manualShelfSchema = new Schema(
  {
    _id: { type: String, required: true },
    articles: { type: [Schema.Types.Mixed], required: true, default: [] },
  },
  { versionKey: false, collection: "manual_shelves" },
);

export interface ManualShelfDoc {
  _id: string;
  articles: ManualArticleDto[];
}

export const ManualShelf = model("ManualShelf", manualShelfSchema);
