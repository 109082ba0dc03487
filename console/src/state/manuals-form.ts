import type { ManualArticleDto, ManualsSaveInput } from "@parley/shared";
import type { IssueLayout } from "./issues.ts";
import { newRowKey } from "./rows.ts";

/** One manual article as the Admin form edits it: keywords as the admin types them, comma-separated. */
export interface ManualRow {
  readonly key: string;
  readonly id: string | null;
  /** "" for every product. */
  readonly product: string;
  readonly title: string;
  readonly url: string;
  readonly keywords: string;
}

export const manualRowsOf = (articles: readonly ManualArticleDto[]): ManualRow[] =>
  articles.map((a) => ({
    key: newRowKey(),
    id: a.id,
    product: a.product ?? "",
    title: a.title,
    url: a.url,
    keywords: a.keywords.join(", "),
  }));

export const newManualRow = (): ManualRow => ({
  key: newRowKey(),
  id: null,
  product: "",
  title: "",
  url: "",
  keywords: "",
});

export function manualsInput(rows: readonly ManualRow[]): ManualsSaveInput {
  return {
    articles: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      product: r.product || null,
      title: r.title,
      url: r.url.trim(),
      keywords: r.keywords
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    })),
  };
}

export const manualsIssueLayout = (rows: readonly ManualRow[]): IssueLayout => ({
  lists: { articles: rows.map((r) => r.key) },
  labels: { articles: "Article", title: "Title", url: "Link", keywords: "Keywords", product: "Product" },
});
