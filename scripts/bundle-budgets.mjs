// Bundle budgets, checked by `npm test` after the build: fails when a bundle that every visitor or agent
// downloads grows past its budget, and prints what goes over the wire. Sizes are in kB of 1000 bytes, as
// Vite prints them; gz and br are the precompressed files the server sends (scripts/assets/precompress.mjs).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotli, gzip } from "./assets/precompress.mjs";

/** The widget loader customers embed on every page: tiny, whether or not the visitor opens the chat. */
export const WIDGET_LOADER_GZ_BUDGET = 2_000;
/**
 * The widget app: app.js and what it imports up front, fetched when the visitor opens the chat. It draws the panel;
 * socket.io comes in its own chunk, fetched as the app starts (in parallel with the visitor's token), and parts most
 * visitors never use (tickets, the offline form, the end-of-chat rating, other languages, files, a reopen link) are
 * chunks fetched on use; the forms chunk (the pre-chat and offline forms) is fetched at start only when no chat is
 * stored. The target: 25 kB. app.js went from 39.07 kB to 25.5 kB with the socket.io split, grew with
 * languages, theming, the JS API, verified identity and the rating hook (28.6 kB), and came back to 24.98 kB with
 * the files, offline-flow and forms chunks, their words and rules, and squeezed stylesheets.
 */
export const WIDGET_APP_GZ_BUDGET = 25_000;
/**
 * Everything a visitor downloads to chat: the loader, the app and the chunks the app always fetches at start
 * (socket.io). Splitting moves bytes between files; this one keeps the total from growing. 40.9 kB before the
 * split; 43.3 kB with the features above.
 */
export const WIDGET_OPEN_CHAT_GZ_BUDGET = 44_000;
/**
 * Lazy chunks the app fetches as it starts, not on use (see WIDGET_OPEN_CHAT_GZ_BUDGET): socket.io always, and the
 * forms for a visitor with no chat stored (a new visitor: the one who downloads the most).
 */
const AT_START = /^(socket-io|forms)-/;
/** The console's first load: index.html's entry script and its modulepreloads. */
export const CONSOLE_FIRST_LOAD_GZ_BUDGET = 40_000;

const root = fileURLToPath(new URL("..", import.meta.url));
const widgetDist = path.join(root, "widget", "dist");
const consoleDist = path.join(root, "console", "dist");

/** raw, gz and br bytes of one built file: the twins the build wrote, or compressed here when it wrote none. */
function sizes(file) {
  const raw = readFileSync(file);
  const twin = (ext, encode) => (existsSync(file + ext) ? readFileSync(file + ext).length : encode(raw).length);
  return { raw: raw.length, gz: twin(".gz", gzip), br: twin(".br", brotli) };
}
const sum = (list) =>
  list.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, br: a.br + s.br }), { raw: 0, gz: 0, br: 0 });
const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
const line = (label, s) =>
  `  ${label.padEnd(40)} raw ${kB(s.raw).padStart(10)}   gz ${kB(s.gz).padStart(9)}   br ${kB(s.br).padStart(9)}`;

/** Relative files a module imports statically (`from"./x.js"`, `import"./x.js"`) and lazily (`import(./x.js)`). */
function imports(file) {
  const code = readFileSync(file, "utf8");
  const stat = [...code.matchAll(/(?:from|import)\s*["'`](\.\/[^"'`]+)["'`]/g)].map((m) => m[1]);
  const lazy = [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const resolve = (list) => [...new Set(list)].map((r) => path.join(path.dirname(file), r));
  return { stat: resolve(stat), lazy: resolve(lazy) };
}

/** A module and everything it imports statically, transitively. */
function closure(entry) {
  const seen = new Set();
  const visit = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of imports(f).stat) visit(i);
  };
  visit(entry);
  return [...seen];
}

export function measure() {
  const loader = path.join(widgetDist, "widget.js");
  const app = closure(path.join(widgetDist, "app.js"));
  const lazy = [...new Set(app.flatMap((f) => imports(f).lazy))].filter((f) => !app.includes(f));
  const html = readFileSync(path.join(consoleDist, "index.html"), "utf8");
  const refs = (re) => [...html.matchAll(re)].map((m) => path.join(consoleDist, m[1].replace(/^\/console\//, "")));
  const consoleJs = [
    ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const consoleCss = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const atStart = lazy.filter((f) => AT_START.test(path.basename(f)));
  // The proactive greeting: its own entry, fetched by the loader on the pages a greeting applies to.
  const greeting = path.join(widgetDist, "greeting.js");
  return {
    loader: sizes(loader),
    greeting: existsSync(greeting) ? sizes(greeting) : null,
    app: sum(app.map(sizes)),
    appFiles: app,
    openChat: sum([loader, ...app, ...atStart].map(sizes)),
    openChatFiles: [loader, ...app, ...atStart],
    lazy: lazy.map((f) => ({ file: path.basename(f), ...sizes(f) })),
    consoleFirstLoad: sum(consoleJs.map(sizes)),
    consoleFiles: consoleJs,
    consoleCss: sum(consoleCss.map(sizes)),
  };
}

function main() {
  const m = measure();
  const checks = [
    ["widget loader (widget.js)", m.loader, WIDGET_LOADER_GZ_BUDGET],
    ["widget app", m.app, WIDGET_APP_GZ_BUDGET, m.appFiles],
    ["widget, all a visitor needs to chat", m.openChat, WIDGET_OPEN_CHAT_GZ_BUDGET, m.openChatFiles],
    ["console first load", m.consoleFirstLoad, CONSOLE_FIRST_LOAD_GZ_BUDGET, m.consoleFiles],
  ];
  console.log("Bundle budgets (gz):");
  let over = 0;
  for (const [label, s, budget, files] of checks) {
    const ok = s.gz <= budget;
    if (!ok) over++;
    console.log(`${line(label, s)}   budget ${kB(budget)} gz ${ok ? "ok" : "OVER BUDGET"}`);
    if (files) console.log(`    (${files.map((f) => path.basename(f)).join(" + ")})`);
  }
  console.log(line("console stylesheet (not budgeted)", m.consoleCss));
  for (const c of m.lazy) console.log(line(`widget lazy chunk ${c.file}`, c));
  if (m.greeting) console.log(line("widget greeting (greeting.js, by the loader)", m.greeting));
  const open = m.openChat;
  console.log("\nOn the wire when a visitor opens the chat (loader + app + socket.io; other chunks only when used):");
  console.log(line("loader + app + socket.io", open));
  console.log(line("with every lazy chunk", sum([m.loader, m.app, ...m.lazy])));
  console.log(
    `  a brotli client downloads ${kB(open.br)} instead of ${kB(open.raw)} uncompressed (${Math.round((100 * open.br) / open.raw)}%)`,
  );
  // Files app.js imports up front are round trips before the panel can draw: the bundler makes them when a module
  // is reached in ways it cannot merge (docs/development.md, "Bundle budgets").
  if (m.appFiles.length > 1) {
    over++;
    console.error(
      `\nThe widget app is split into ${m.appFiles.length} files loaded up front; it should be app.js alone.`,
    );
  }
  if (over > 0) {
    console.error(`\n${over} bundle(s) over budget: make the new code lazy, or raise the budget with a reason.`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
