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
  SetupArgs,
  SiteAddArgs,
  SiteAllowArgs,
  setup,
} from "./admin-commands.ts";
import { type Prompter, terminalPrompter } from "./prompt.ts";

const USAGE = `usage:
  npm run admin -- setup      [--site-name "Acme" --origin https://www.acme.com --name "Ana" --email ana@acme.com]
                              [--key acme]   the first site and its admin: asks for what the flags do not give
                              (password from PARLEY_PASSWORD, else asked without echo)
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
    "site-name": { type: "string" },
    origin: { type: "string", multiple: true },
    site: { type: "string" },
    email: { type: "string" },
    role: { type: "string" },
  },
});
type Flags = typeof values;
type Context = { publicUrl: string };

interface Command {
  schema: z.ZodType;
  /** The raw input: the flags, by default. */
  input?: (flags: Flags) => Promise<Record<string, unknown>>;
  run: (args: never, ctx: Context) => Promise<string>;
}

const commands: Record<string, Command> = {
  setup: { schema: SetupArgs, input: setupInput, run: setup },
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
  // Asked before the database is opened: the data directory is not held while someone types.
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
  const publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, "");
  console.log(await command.run(args as never, { publicUrl }));
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await mongoose.disconnect();
  await devdb?.stop();
}

/**
 * `setup`'s input: the flags and PARLEY_PASSWORD, and on a terminal, questions for whatever they leave out (each
 * answer checked as it is given). Without a terminal, what is missing is reported by the schema.
 */
async function setupInput(flags: Flags): Promise<Record<string, unknown>> {
  const raw: Record<string, unknown> = { ...flags, password: process.env.PARLEY_PASSWORD };
  const questions = [
    { field: "site-name", question: "Site name (your company or product): " },
    { field: "origin", question: "Website that will show the chat (e.g. https://www.example.com): " },
    { field: "name", question: "Your name: " },
    { field: "email", question: "Your email (you sign in with it): " },
  ] as const;
  if (!process.stdin.isTTY) {
    const missing = questions.filter((q) => raw[q.field] === undefined).map((q) => `--${q.field}`);
    if (raw.password === undefined) missing.push("PARLEY_PASSWORD");
    if (missing.length > 0) throw new Error(`missing ${missing.join(", ")} (or run setup on a terminal to be asked)`);
    return raw;
  }
  const fields = SetupArgs.shape;
  const prompter = terminalPrompter();
  try {
    for (const { field, question } of questions) {
      if (raw[field] !== undefined) continue;
      raw[field] = await askUntilValid(prompter, question, fields[field], (a) => (field === "origin" ? [a] : a));
    }
    while (raw.password === undefined) {
      const password = await askUntilValid(prompter, "Password (10 characters or more): ", fields.password, (a) => a, {
        secret: true,
      });
      if ((await prompter.askSecret("The same password again: ")) === password) raw.password = password;
      else console.log("The two passwords differ; once more.");
    }
  } finally {
    prompter.close();
  }
  return raw;
}

async function askUntilValid(
  prompter: Prompter,
  question: string,
  schema: z.ZodType,
  shape: (answer: string) => unknown,
  opts: { secret?: boolean } = {},
): Promise<unknown> {
  for (;;) {
    const answer = opts.secret ? await prompter.askSecret(question) : (await prompter.ask(question)).trim();
    const value = shape(answer);
    const parsed = schema.safeParse(value);
    if (parsed.success) return value;
    console.log(`  ${parsed.error.issues[0]?.message ?? "invalid"}`);
  }
}
