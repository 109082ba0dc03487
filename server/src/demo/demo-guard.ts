import mongoose from "mongoose";
import { Agent } from "../agents/agent.model.ts";
import type { Config } from "../config/config.ts";
import { DEFAULT_DB_NAME, uriNamesDatabase } from "../db/connection.ts";
import { DEMO_ACCOUNTS } from "./demo-seed.ts";

export const DEMO_EMAILS: readonly string[] = DEMO_ACCOUNTS.map((a) => a.email);

/**
 * In production (NODE_ENV=production, not demo mode) the server must not start while a demo account exists: their
 * passwords are published (README.md, the demo banner), so a data directory or database that once ran the demo would
 * open a door to anyone. Returns why it must not start, or null. Runs before the server starts, on a connection of
 * its own (the server opens its own in startParley).
 */
export async function demoAccountsRefusal(
  config: Pick<Config, "demo" | "production">,
  mongoUri: string,
): Promise<string | null> {
  if (config.demo || !config.production) return null;
  const connection = mongoose.createConnection(mongoUri, {
    ...(uriNamesDatabase(mongoUri) ? {} : { dbName: DEFAULT_DB_NAME }),
    // As patient as the server's own first connection (a database container still starting).
    serverSelectionTimeoutMS: 30_000,
  });
  try {
    await connection.asPromise();
    const found = await connection
      .collection<{ email: string }>(Agent.collection.collectionName)
      .find({ email: { $in: [...DEMO_EMAILS] } }, { projection: { email: 1 } })
      .toArray();
    if (found.length === 0) return null;
    return [
      `Refusing to start in production (NODE_ENV=production): the database holds the demo accounts`,
      `${found.map((a) => a.email).join(", ")}, whose passwords are published.`,
      "Delete them with `npm run admin -- demo:remove` (same PARLEY_DATA_DIR or MONGODB_URI as the server),",
      "or use an empty database. To try Parley with them, run the demo instead: `npm start`.",
    ].join("\n");
  } finally {
    await connection.close();
  }
}
