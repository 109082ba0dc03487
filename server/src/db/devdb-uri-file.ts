import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// While the server runs devdb, it leaves the URI here so admin commands can reach the
// same database instead of opening the SQLite files from a second process.
const fileIn = (dataDir: string) => path.join(dataDir, "devdb.uri");

/** Where the URI is kept (the server removes it synchronously as it exits). */
export const devDbUriFile = fileIn;

export async function publishDevDbUri(dataDir: string, uri: string): Promise<void> {
  await writeFile(fileIn(dataDir), `${uri}\n`, { mode: 0o600 });
}

export async function readDevDbUri(dataDir: string): Promise<string | null> {
  try {
    return (await readFile(fileIn(dataDir), "utf8")).trim() || null;
  } catch {
    return null;
  }
}

export async function withdrawDevDbUri(dataDir: string): Promise<void> {
  await rm(fileIn(dataDir), { force: true });
}
