import type { ManualArticleDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { matchArticles, wordsOf } from "../manual-match.ts";

const article = (id: string, title: string, keywords: string[], product: string | null = null): ManualArticleDto => ({
  id,
  title,
  url: `https://docs.example.test/${id}`,
  keywords,
  product,
});

const shelf = [
  article("exporting", "Exporting reports", ["export", "csv"], "cloud"),
  article("licenses", "Activating your license key", ["license key", "activation"]),
  article("desktop-install", "Installing the desktop app", ["install"], "desktop"),
];

describe("manual suggestions", () => {
  it("should rank keyword matches above title words and keep phrases whole", () => {
    expect(matchArticles(shelf, "My export stops and the reports are empty", undefined).map((a) => a.id)).toEqual([
      "exporting",
    ]);
    expect(matchArticles(shelf, "Where do I put the LICENSE KEY?", undefined).map((a) => a.id)).toEqual(["licenses"]);
    // Whole words only: "monkey" is not "key", "exported" is not "export"; "your" is a stop word.
    expect(matchArticles(shelf, "your monkey exported", undefined)).toEqual([]);
  });

  it("should only suggest articles of the chosen product or of every product", () => {
    const text = "install failed, and the license key activation too";
    expect(matchArticles(shelf, text, "cloud").map((a) => a.id)).toEqual(["licenses"]);
    expect(matchArticles(shelf, text, "desktop").map((a) => a.id)).toEqual(["licenses", "desktop-install"]);
  });

  it("should read words in any script, without punctuation", () => {
    expect(wordsOf("L'export échoue — «CSV»!")).toEqual(["l'export", "échoue", "csv"]);
    expect(matchArticles(shelf, "", undefined)).toEqual([]);
  });
});
