import { MAX_MANUAL_SUGGESTIONS, type ManualArticleDto } from "@parley/shared";

/** Words too common to say what a request is about. */
const STOP_WORDS = new Set(
  "the and for with that this from have has not but are was were you your our can cannot how what when why does doesn't into there their them then than which will would could should about after before again also just like only some very".split(
    " ",
  ),
);

/** Lower-case words of three letters or more, in any script; apostrophes and hyphens stay inside words. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKC")
      .match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []
  ).filter((w) => w.length >= 3 && !STOP_WORDS.has(w));
}

/**
 * The articles that match what the visitor typed, best first: a keyword (a word or phrase the admin listed) found
 * in the text weighs 3, a word of the title 1. Only articles of the product they picked, or about every product.
 * Pure, so it is tested without a server.
 */
export function matchArticles(
  articles: readonly ManualArticleDto[],
  text: string,
  product: string | undefined,
  limit = MAX_MANUAL_SUGGESTIONS,
): ManualArticleDto[] {
  const words = wordsOf(text);
  if (words.length === 0) return [];
  const typed = new Set(words);
  const joined = ` ${words.join(" ")} `;
  const scored: { article: ManualArticleDto; score: number; index: number }[] = [];
  articles.forEach((article, index) => {
    if (product !== undefined && article.product !== null && article.product !== product) return;
    let score = 0;
    for (const keyword of article.keywords) {
      const phrase = wordsOf(keyword).join(" ");
      if (phrase && joined.includes(` ${phrase} `)) score += 3;
    }
    for (const word of new Set(wordsOf(article.title))) if (typed.has(word)) score += 1;
    if (score > 0) scored.push({ article, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.article);
}
