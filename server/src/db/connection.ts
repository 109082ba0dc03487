import mongoose from "mongoose";
import type { Logger } from "../logging/logger.ts";

// Mongoose must not build indexes lazily in the background: the unique indexes are part of
// the delivery contract and have to exist before the first message is accepted.
mongoose.set("autoIndex", false);
mongoose.set("strictQuery", true);

const SELECTION_TIMEOUT_MS = 1_000;
const CONNECT_PATIENCE_MS = 30_000;

/** Used when the URI names no database. */
export const DEFAULT_DB_NAME = "parley";

/** Whether the URI names its database (`mongodb://host/name`); if not, DEFAULT_DB_NAME is used. */
export function uriNamesDatabase(uri: string): boolean {
  // Host lists (a:1,b:2) are not URL-parseable, so read the path with a pattern.
  return /^mongodb(?:\+srv)?:\/\/[^/]+\/[^?/]+/.test(uri);
}

export async function connectDatabase(
  uri: string,
  logger: Logger,
  dbName?: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<void> {
  const named = uriNamesDatabase(uri);
  const options: mongoose.ConnectOptions = {
    // A request in flight when the database goes away fails within a second (UNAVAILABLE, retryable) instead of
    // waiting 10 s for a server to come back; new requests are refused up front (databaseReachable).
    serverSelectionTimeoutMS: SELECTION_TIMEOUT_MS,
    // Checks the server every second, so a database that died is noticed within about that. (Mongoose calls a
    // connection stale after two missed heartbeats, so shorter intervals misfire on a busy machine.)
    heartbeatFrequencyMS: 1_000,
    // Tests listen to every command (commandStarted) to check which filters the hot paths send.
    monitorCommands: opts.monitorCommands ?? false,
    ...(dbName || !named ? { dbName: dbName ?? DEFAULT_DB_NAME } : {}),
  };
  // At start the database may still be coming up (a container starting beside it): keep trying for a while.
  for (let attempt = 1; ; attempt++) {
    try {
      await mongoose.connect(uri, options);
      break;
    } catch (err) {
      if (attempt * SELECTION_TIMEOUT_MS >= CONNECT_PATIENCE_MS) throw err;
      logger.warn({ event: "db_connect_retry", attempt }, "database not reachable yet; retrying");
    }
  }
  watchReachability(mongoose.connection.getClient());
  await mongoose.connection.syncIndexes();
  logger.info({ event: "db_connected" }, "database connected");
}

let reachable = false;

/**
 * Whether the driver currently knows a server it can use. False from the first failed heartbeat or broken
 * connection until a server answers again: while false, requests are refused with UNAVAILABLE up front (a
 * query would otherwise wait up to the 10 s server selection timeout before failing).
 */
export function databaseReachable(): boolean {
  // From the driver's own view of the server, not mongoose's readyState: that one reads "disconnected" whenever
  // two heartbeats are late, which a loaded machine does while the database answers fine.
  return reachable;
}

function watchReachability(client: mongoose.mongo.MongoClient): void {
  reachable = true;
  client.on("topologyDescriptionChanged", (event) => {
    reachable = [...event.newDescription.servers.values()].some((server) => server.type !== "Unknown");
  });
}

export async function disconnectDatabase(): Promise<void> {
  reachable = false;
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
