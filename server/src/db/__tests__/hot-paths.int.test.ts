// What runs per message, per connection or per staff event must not read a whole collection. On devdb
// (FerretDB on SQLite) any filter but exactly {_id: value} reads every document of the collection, so the cost
// of such a path would grow with the history. This checks the filters the server actually sends.
import type { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connected,
  ok,
  type RecordedCommand,
  recordCommands,
  sleep,
  startInput,
  TestServer,
} from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  // Timers off for the test's length: what is recorded is what the events cause, not a background pass.
  t = await TestServer.start(undefined, { SLA_WATCH_INTERVAL_MS: "3600000", OFFER_SWEEP_INTERVAL_MS: "3600000" });
  site = await t.createSite();
});

/** Waits until the server has sent no command for `ms` (what the setup set off, e.g. a queue update, is done). */
async function quiet(ms: number): Promise<void> {
  const watch = recordCommands();
  try {
    for (let seen = -1; seen !== watch.commands.length; ) {
      seen = watch.commands.length;
      await sleep(ms);
    }
  } finally {
    watch.stop();
  }
}
afterAll(() => t.stop());

/** `{_id: <string or ObjectId>}` and nothing else: the one filter devdb turns into an index search. */
const isPrimaryKeyLookup = (filter: Record<string, unknown>): boolean => {
  const keys = Object.keys(filter);
  const id = filter._id as unknown;
  return (
    keys.length === 1 &&
    keys[0] === "_id" &&
    (typeof id === "string" || (typeof id === "object" && id !== null && "toHexString" in (id as Types.ObjectId)))
  );
};

/**
 * What a hot path may send: inserts, and reads, updates and deletes by primary key. The one exception is a site
 * looked up by the key the widget names, on the sites collection (a handful of rows, and cached: site-cache.ts).
 */
function offending(commands: RecordedCommand[]): RecordedCommand[] {
  const reading = new Set(["find", "findAndModify", "update", "delete", "count", "aggregate", "distinct"]);
  return commands.filter((c) => {
    if (c.name === "insert" || !reading.has(c.name)) return false;
    if (c.name === "count" || c.name === "aggregate" || c.name === "distinct") return true;
    if (c.collection === "sites" && c.filters.every((f) => Object.keys(f).join() === "key")) return false;
    return !c.filters.every(isPrimaryKeyLookup);
  });
}

describe("hot paths against a growing history", () => {
  it("should look documents up by primary key only: handshakes, messages, resyncs and staff events", async () => {
    const agent = await t.staff(site._id);
    const visitor = await t.visitor(site.key);
    const { conversation } = await ok(visitor.socket, "conversation:start", startInput());
    const conversationId = conversation.id;
    await ok(agent.socket, "conversation:accept", { conversationId });
    await ok(agent.socket, "conversation:sync", { conversationId, afterSeq: 0 });
    await t.server.tickets.sweep();
    await quiet(300);

    const recording = recordCommands();
    try {
      // Per connection: a widget reconnecting, and a console tab reconnecting.
      const again = t.visitorSocket({ siteKey: site.key, visitorToken: visitor.token });
      await connected(again);
      const tab = t.staffSocket(agent.cookie);
      await connected(tab);
      // Per message, both ways, and a resend of one already stored.
      for (let i = 0; i < 5; i++) {
        await ok(again, "message:send", { conversationId, clientMsgId: `hot-visitor-${i}`, body: `visitor ${i}` });
        await ok(tab, "message:send", { conversationId, clientMsgId: `hot-agent-${i}`, body: `agent ${i}` });
      }
      await ok(again, "message:send", { conversationId, clientMsgId: "hot-visitor-0", body: "visitor 0" });
      // Per reconnect: each side's resync of what it missed.
      const page = await ok(again, "conversation:sync", {
        conversationId,
        afterSeq: 2,
      });
      expect(page.messages.length).toBe(10);
      await ok(tab, "conversation:sync", { conversationId, afterSeq: 2 });
      // Per staff event: the session and the account are checked on every one.
      await ok(tab, "site:get", {});
      // Typing and seen, both ways.
      await ok(again, "typing:set", { conversationId, typing: true });
      await ok(tab, "typing:set", { conversationId, typing: true });
      await ok(again, "conversation:read", { conversationId, seq: 11 });
      await ok(tab, "conversation:read", { conversationId, seq: 11 });
    } finally {
      recording.stop();
    }

    const names = new Set(recording.commands.map((c) => c.name));
    // The recording saw the traffic (the driver reports it): reads by key, the seq updates and the inserts.
    expect(names).toContain("find");
    expect(names).toContain("findAndModify");
    expect(names).toContain("insert");
    expect(offending(recording.commands)).toEqual([]);
  });
});
