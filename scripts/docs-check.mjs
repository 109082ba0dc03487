// Checks the documentation against the repository: every relative link in README.md and docs/*.md reaches a file
// (and, with #anchor, a heading of it), README.md stays short, and every environment variable the server's config
// reads is documented in docs/configuration.md. Run by vitest (scripts/docs-check.test.mjs); `node
// scripts/docs-check.mjs` prints the problems on their own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const README_MAX_LINES = 120;

/** The text outside fenced code blocks, line by line (fenced lines become empty, so line numbers hold). */
function proseLines(markdown) {
  let fence = null;
  return markdown.split("\n").map((line) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = null;
      return "";
    }
    if (open) {
      fence = open[1];
      return "";
    }
    return line;
  });
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading) {
  return heading
    .replace(/`/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every anchor of a markdown text; a repeated heading gets -1, -2… as on GitHub. */
export function anchorsOf(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const line of proseLines(markdown)) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const slug = slugOf(m[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Links to other files of the repository or to this file's headings (not URLs, not inside code). */
export function relativeLinksOf(markdown) {
  const links = [];
  proseLines(markdown).forEach((line, i) => {
    const prose = line.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const hash = target.indexOf("#");
      links.push({
        line: i + 1,
        target,
        file: hash === -1 ? target : target.slice(0, hash),
        anchor: hash === -1 ? null : decodeURIComponent(target.slice(hash + 1)),
      });
    }
  });
  return links;
}

/**
 * Links that go nowhere. `docs` maps each checked file (relative to `root`) to its text; `read` gives another file's
 * text by its path relative to `root`, or null when there is no such file.
 */
export function brokenLinks(docs, read) {
  const problems = [];
  for (const [file, text] of Object.entries(docs)) {
    for (const link of relativeLinksOf(text)) {
      const target =
        link.file === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), link.file));
      const targetText = target === file ? text : (docs[target] ?? read(target));
      if (targetText === null) {
        problems.push(`${file}:${link.line}: ${link.target}: no file ${target}`);
      } else if (link.anchor !== null && target.endsWith(".md") && !anchorsOf(targetText).has(link.anchor)) {
        problems.push(`${file}:${link.line}: ${link.target}: no heading #${link.anchor} in ${target}`);
      }
    }
  }
  return problems;
}

/**
 * The environment variables a config source reads: the keys of its `EnvSchema = z.object({…})` and any
 * `process.env.NAME`.
 */
export function envVariablesOf(source) {
  const names = new Set();
  const schema = /EnvSchema\s*=\s*z\.object\(\{([\s\S]*?)\n\}\);/.exec(source);
  if (schema) for (const m of schema[1].matchAll(/^ {2}([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(m[1]);
  for (const m of source.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[["']([A-Z][A-Z0-9_]*)["']\])/g)) {
    names.add(m[1] ?? m[2]);
  }
  return [...names];
}

/** The variables `docText` never names as `NAME` (in backticks, as a table or a sentence would). */
export function undocumented(variables, docText) {
  return variables.filter((name) => !docText.includes(`\`${name}\``));
}

/** Every problem of the repository at `root`. */
export function docsProblems(root) {
  const read = (rel) => {
    const p = path.join(root, rel);
    if (!existsSync(p)) return null;
    try {
      return readFileSync(p, "utf8");
    } catch {
      return ""; // a directory: it exists, and has no headings
    }
  };
  const docs = { "README.md": read("README.md") ?? "" };
  for (const name of readdirSync(path.join(root, "docs"))) {
    if (name.endsWith(".md")) docs[`docs/${name}`] = read(`docs/${name}`) ?? "";
  }
  const problems = brokenLinks(docs, read);
  const readmeLines = docs["README.md"].split("\n").length - (docs["README.md"].endsWith("\n") ? 1 : 0);
  if (readmeLines >= README_MAX_LINES) {
    problems.push(`README.md: ${readmeLines} lines; keep it under ${README_MAX_LINES} and move the rest to docs/`);
  }
  const configDir = path.join(root, "server", "src", "config");
  const variables = readdirSync(configDir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .flatMap((name) => envVariablesOf(readFileSync(path.join(configDir, name), "utf8")));
  if (variables.length === 0) problems.push("server/src/config: no environment variables found (has EnvSchema moved?)");
  for (const name of undocumented(variables, docs["docs/configuration.md"] ?? "")) {
    problems.push(`docs/configuration.md: ${name} (read in server/src/config) is not documented`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = docsProblems(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? "docs: ok" : `docs: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
