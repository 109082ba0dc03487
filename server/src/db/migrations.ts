import { model, Schema } from "mongoose";
import type { Logger } from "../logging/logger.ts";

/** One-off data changes a version needs, each run once per database and then recorded. */
export interface Migration {
  id: string;
  /** Returns how many documents it changed, for the log. */
  run(): Promise<number>;
}

const migrationSchema = new Schema(
  { _id: { type: String, required: true }, doneAt: { type: Date, required: true } },
  { versionKey: false },
);
const MigrationRecord = model("Migration", migrationSchema, "migrations");

/**
 * Runs, in order, the migrations this database has not had yet. Each is written to be safe to run again (a
 * crash before it is recorded just runs it once more at the next start).
 */
export async function runMigrations(migrations: readonly Migration[], logger: Logger): Promise<void> {
  for (const m of migrations) {
    if (await MigrationRecord.exists({ _id: m.id })) continue;
    const started = Date.now();
    const changed = await m.run();
    await MigrationRecord.create({ _id: m.id, doneAt: new Date() });
    logger.info({ event: "migrated", migration: m.id, changed, ms: Date.now() - started }, "data migrated");
  }
}
