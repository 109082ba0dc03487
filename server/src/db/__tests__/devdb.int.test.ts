import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevDbHandle, ensureDevDbBinary, startDevDb } from "../devdb.ts";

const quiet = { info() {}, warn() {}, error() {} };

// The first build of devdb compiles FerretDB (about a minute on 2 cores).
const BUILD_TIMEOUT = 10 * 60_000;

describe("devdb (embedded FerretDB)", () => {
  let dataDir: string;
  let db: DevDbHandle | undefined;

  beforeAll(async () => {
    await ensureDevDbBinary({ log: quiet });
    dataDir = await mkdtemp(join(tmpdir(), "parley-devdb-test-"));
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await db?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("reuses the cached binary", async () => {
    const started = performance.now();
    const bin = await ensureDevDbBinary({ log: quiet });
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await stat(bin)).isFile()).toBe(true);
    expect(bin).toMatch(/node_modules\/\.cache\/parley-devdb\/devdb-[0-9a-f]{12}$/);
  });

  it("serves MongoDB clients, enforces unique indexes, keeps data across restarts", async () => {
    db = await startDevDb({ dataDir, log: quiet });
    expect(db.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);

    let conn = await mongoose.createConnection(db.uri, { dbName: "devdb_test" }).asPromise();
    try {
      expect(await conn.db?.command({ ping: 1 })).toMatchObject({ ok: 1 });

      const messages = conn.db!.collection("messages");
      await messages.createIndex({ conversation: 1, seq: 1 }, { unique: true });
      await messages.insertOne({ conversation: "c1", seq: 1 });
      await expect(messages.insertOne({ conversation: "c1", seq: 1 })).rejects.toMatchObject({ code: 11000 });

      // Single-document updates must be atomic across connections
      // (devdb serializes commands; plain FerretDB 1.x loses updates here).
      const counters = conn.db!.collection("counters");
      const { insertedId } = await counters.insertOne({ lastSeq: 0 });
      const results = await Promise.all(
        Array.from({ length: 40 }, () =>
          counters.findOneAndUpdate({ _id: insertedId }, { $inc: { lastSeq: 1 } }, { returnDocument: "after" }),
        ),
      );
      expect(new Set(results.map((r) => r?.lastSeq)).size).toBe(40);
      expect((await counters.findOne({ _id: insertedId }))?.lastSeq).toBe(40);

      // devdb pushes an _id equality down beside other conditions (devdb/README.md); the rest must still decide.
      const chats = conn.db!.collection<{ _id: string; status: string; owner?: string }>("chats");
      await chats.insertMany([
        { _id: "c1", status: "queued" },
        { _id: "c2", status: "active" },
      ]);
      expect(await chats.findOne({ _id: "c1", status: "active" })).toBeNull();
      expect(await chats.findOne({ _id: "c1", status: "queued" })).toMatchObject({ _id: "c1" });
      expect(await chats.countDocuments({ _id: "c2", status: { $in: ["active", "queued"] } })).toBe(1);
      // A compare-and-set: of two accepts of one queued chat, exactly one matches.
      const accepts = await Promise.all(
        ["ana", "bo"].map((owner) =>
          chats.findOneAndUpdate({ _id: "c1", status: "queued" }, { $set: { status: "active", owner } }),
        ),
      );
      expect(accepts.filter((r) => r !== null)).toHaveLength(1);
      expect((await chats.deleteOne({ _id: "c2", status: "queued" })).deletedCount).toBe(0);
      expect((await chats.deleteOne({ _id: "c2", status: "active" })).deletedCount).toBe(1);
    } finally {
      await conn.close();
    }

    await db.stop();
    await db.stop(); // idempotent

    db = await startDevDb({ dataDir, log: quiet });
    conn = await mongoose.createConnection(db.uri, { dbName: "devdb_test" }).asPromise();
    try {
      expect(await conn.db!.collection("messages").countDocuments()).toBe(1);
      await expect(conn.db!.collection("messages").insertOne({ conversation: "c1", seq: 1 })).rejects.toMatchObject({
        code: 11000,
      });
    } finally {
      await conn.close();
    }
  }, 120_000);
});
