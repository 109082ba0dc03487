// `npm run admin -- <command> [--flag value]`: sets up sites and staff accounts from the command line (the first
// ones, before anyone can sign in to the console's Admin pages).
import path from "node:path";
import { parseArgs } from "node:util";
import mongoose from "mongoose";
import type { z } from "zod";
import { loadConfig } from "../config/config.ts";
import { connectDatabase } from "../db/connection.ts";
import { DataDirLockedError, lockDataDir } from "../db/data-dir-lock.ts";
import { type DevDbHandle, startDevDb } from "../db/devdb.ts";
import { readDevDbUri } from "../db/devdb-uri-file.ts";
import { parseInput } from "../errors/parse-input.ts";
import { createLogger } from "../logging/logger.ts";
import {
  AgentAddArgs,
  addAgent,
  addSite,
  allowOrigins,
  DemoRemoveArgs,
  removeDemoAccounts,
  SiteAddArgs,
  SiteAllowArgs,
} from "./admin-commands.ts";

const USAGE = `usage:
  npm run admin -- site:add   --key acme --name "Acme" --origin https://www.acme.com [--origin …]
  npm run admin -- site:allow --key acme --origin https://shop.acme.com
  npm run admin -- agent:add  --site acme --email ana@acme.com --name "Ana" [--role agent|supervisor|admin]
                              (password from PARLEY_PASSWORD)
  npm run admin -- demo:remove                   deletes the demo accounts (production refuses to start with them)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: "string" },
    name: { type: "string" },
    origin: { type: "string", multiple: true },
    site: { type: "string" },
    email: { type: "string" },
    role: { type: "string" },
  },
});
type Flags = typeof values;

interface Command {
  schema: z.ZodType;
  /** The raw input: the flags, by default. */
  input?: (flags: Flags) => Promise<Record<string, unknown>>;
  run: (args: never) => Promise<string>;
}

const commands: Record<string, Command> = {
  "site:add": { schema: SiteAddArgs, run: addSite },
  "site:allow": { schema: SiteAllowArgs, run: allowOrigins },
  "agent:add": {
    schema: AgentAddArgs,
    input: async (flags) => ({ ...flags, password: process.env.PARLEY_PASSWORD }),
    run: addAgent,
  },
  "demo:remove": { schema: DemoRemoveArgs, run: removeDemoAccounts },
};

const command = commands[positionals[0] ?? ""];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger("warn");
let devdb: DevDbHandle | undefined;
try {
  const args = parseInput(command.schema, await (command.input ?? (async (flags) => ({ ...flags })))(values));
  const devdbDir = path.join(config.dataDir, "db");
  let uri = config.mongoUri;
  if (!uri) {
    // A running server holds the data directory's lock and publishes its devdb's URI: use that database.
    // Otherwise take the lock (a server starting meanwhile is refused) and run devdb for this command.
    try {
      lockDataDir(devdbDir);
      devdb = await startDevDb({ dataDir: devdbDir });
      uri = devdb.uri;
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      uri = (await readDevDbUri(devdbDir)) ?? undefined;
      if (!uri) throw new Error("a server is starting on this data directory; try again in a moment");
    }
  }
  await connectDatabase(uri, logger);
  console.log(await command.run(args as never));
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await mongoose.disconnect();
  await devdb?.stop();
}
