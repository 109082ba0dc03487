import { describe, expect, it } from "vitest";
import { formErrors, locate } from "../issues.ts";
import { manualRowsOf, manualsInput, manualsIssueLayout, newManualRow } from "../manuals-form.ts";

describe("manual articles form", () => {
  it("should send keywords as a list, an empty product as every product, and keep saved ids", () => {
    const [saved] = manualRowsOf([
      {
        id: "abcdefgh1",
        product: "cloud",
        title: "Exports",
        url: "https://docs.example/x",
        keywords: ["csv", "export"],
      },
    ]);
    expect(saved?.keywords).toBe("csv, export");
    const fresh = {
      ...newManualRow(),
      title: "Licenses",
      url: " https://docs.example/l ",
      keywords: "license key, , key",
    };
    expect(manualsInput([saved ?? newManualRow(), fresh]).articles).toEqual([
      {
        id: "abcdefgh1",
        product: "cloud",
        title: "Exports",
        url: "https://docs.example/x",
        keywords: ["csv", "export"],
      },
      { product: null, title: "Licenses", url: "https://docs.example/l", keywords: ["license key", "key"] },
    ]);
  });

  it("should put the server's messages on the row they are about", () => {
    const rows = [newManualRow(), newManualRow()];
    const layout = manualsIssueLayout(rows);
    expect(locate("articles.1.url", layout)).toEqual({ key: `articles.${rows[1]?.key}.url`, where: "Article 2, Link" });
    const errors = formErrors(
      { code: "BAD_REQUEST", message: "no", issues: [{ path: "articles.0.title", message: "title is required" }] },
      layout,
    );
    expect(errors.summary).toEqual(["Article 1, Title: title is required"]);
  });
});
