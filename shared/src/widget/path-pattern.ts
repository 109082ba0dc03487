// Which pages of the customer's site a proactive greeting shows on. A pattern is a path where `*`
// stands for any run of characters: `/pricing*` matches `/pricing`, `/pricing/teams` and `/pricing?x` is not
// a path. The server compiles the site's patterns into one regular expression for the loader, so the loader
// (every page view, ≤ 2 kB) does not carry the escaping.

/** A pattern the schema accepts: starts with `/`, no spaces or control characters, at most 3 stars. */
export const PATH_PATTERN = /^\/[^\s*]*(?:\*[^\s*]*){0,3}$/;

const literally = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The source of a regular expression matching a whole path against any of the patterns (none: no page). */
export function pathPatternsSource(patterns: readonly string[]): string {
  if (patterns.length === 0) return "(?!)";
  return `^(?:${patterns.map((p) => p.split("*").map(literally).join(".*")).join("|")})$`;
}

export function pathMatches(patterns: readonly string[], path: string): boolean {
  return new RegExp(pathPatternsSource(patterns)).test(path);
}
