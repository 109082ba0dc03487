import { randomBytes } from "node:crypto";
import type { ManualArticleDto, ManualsSaveInput, OpenedManualDto } from "@parley/shared";
import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import { unknownProducts } from "../sites/site-products.ts";
import { ManualShelf, type ManualShelfDoc } from "./manual-shelf.model.ts";

/** The site's articles, as the admin saved them: one primary-key read. */
export async function articlesOf(site: Types.ObjectId): Promise<ManualArticleDto[]> {
  const shelf = await ManualShelf.findById(site.toHexString()).lean<ManualShelfDoc>();
  return shelf?.articles ?? [];
}

/** Replaces the site's list; a new article gets an id, and each product named must be one of the site's. */
export async function saveArticles(
  site: { _id: Types.ObjectId; products: readonly { id: string; name: string }[] },
  input: ManualsSaveInput,
): Promise<ManualArticleDto[]> {
  const issues = input.articles.flatMap((a, i) =>
    a.product !== null && unknownProducts(site, [a.product]).length > 0
      ? [{ path: `articles.${i}.product`, message: "not one of this site's products" }]
      : [],
  );
  const first = issues[0];
  if (first) throw new AppError("BAD_REQUEST", `${first.path}: ${first.message}`, { issues });
  const articles: ManualArticleDto[] = input.articles.map((a) => ({
    id: a.id ?? randomBytes(9).toString("base64url"),
    product: a.product,
    title: a.title,
    url: a.url,
    keywords: [...new Set(a.keywords)],
  }));
  await ManualShelf.updateOne({ _id: site._id.toHexString() }, { $set: { articles } }, { upsert: true });
  return articles;
}

/**
 * The articles a visitor says they opened, as they are now (title and link), for the agent: ids that are not the
 * site's articles are dropped, so a visitor cannot put text of their own into this list.
 */
export async function openedArticles(
  site: Types.ObjectId,
  ids: readonly string[] | undefined,
): Promise<OpenedManualDto[]> {
  if (!ids || ids.length === 0) return [];
  const byId = new Map((await articlesOf(site)).map((a) => [a.id, a]));
  return [...new Set(ids)].flatMap((id) => {
    const a = byId.get(id);
    return a ? [{ id: a.id, title: a.title, url: a.url }] : [];
  });
}
