import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, so paths work whatever directory npm starts us from, and whether this code runs from its
 * sources (server/src/…) or from the compiled bundle (server/dist/…): the nearest folder above this file whose
 * package.json declares the workspaces.
 */
export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const WIDGET_DIST = path.join(REPO_ROOT, "widget", "dist");
export const CONSOLE_DIST = path.join(REPO_ROOT, "console", "dist");

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (declaresWorkspaces(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`Parley's root package.json (with workspaces) not found above ${start}`);
  }
}

function declaresWorkspaces(file: string): boolean {
  try {
    return Array.isArray((JSON.parse(readFileSync(file, "utf8")) as { workspaces?: unknown }).workspaces);
  } catch {
    return false;
  }
}
