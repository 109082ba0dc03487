import mongoose from "mongoose";
import type { Logger } from "../logging/logger.ts";

// Mongoose must not build indexes lazily in the background: the unique indexes are part of
// the delivery contract and have to exist before the first message is accepted.
mongoose.set("autoIndex", false);
mongoose.set("strictQuery", true);

/** Used when the URI names no database. */
export const DEFAULT_DB_NAME = "parley";

export async function connectDatabase(
  uri: string,
  logger: Logger,
  dbName?: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<void> {
  // Host lists (a:1,b:2) are not URL-parseable, so read the path with a pattern.
  const named = /^mongodb(?:\+srv)?:\/\/[^/]+\/[^?/]+/.test(uri);
  await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 10_000,
    // Tests listen to every command (commandStarted) to check which filters the hot paths send.
    monitorCommands: opts.monitorCommands ?? false,
    ...(dbName || !named ? { dbName: dbName ?? DEFAULT_DB_NAME } : {}),
  });
  await mongoose.connection.syncIndexes();
  logger.info({ event: "db_connected" }, "database connected");
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export type DatabaseState = "connected" | "connecting" | "disconnected" | "disconnecting";

export function databaseState(): DatabaseState {
  switch (mongoose.connection.readyState) {
    case 1:
      return "connected";
    case 2:
      return "connecting";
    case 3:
      return "disconnecting";
    default:
      return "disconnected";
  }
}
