import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type DevDbHandle, startDevDb } from "../src/db/devdb.ts";

declare module "vitest" {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

let devdb: DevDbHandle | undefined;
let dataDir: string | undefined;

/** One real database server for the whole run; MONGODB_URI runs the suite against MongoDB instead. */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide("mongoUri", external);
    return;
  }
  dataDir = await mkdtemp(path.join(tmpdir(), "parley-test-db-"));
  devdb = await startDevDb({ dataDir });
  project.provide("mongoUri", devdb.uri);
}

export async function teardown(): Promise<void> {
  await devdb?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
