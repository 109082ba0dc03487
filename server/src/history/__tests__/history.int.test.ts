import type { HistoryPageDto, HistoryRowDto, HistorySearchInput, TicketFields } from "@parley/shared";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  msgId,
  ok,
  present,
  recordCommands,
  type StaffMember,
  TestServer,
  waitingVisitor,
} from "../../../test/harness.ts";
import type { ConversationDoc } from "../../conversations/conversation.model.ts";
import { ClosedConversation } from "../../conversations/conversation.model.ts";
import { SEARCH_TEXT_LIMIT } from "../../conversations/history-fields.ts";
import { HistoryHour, type HistoryHourDoc, historyHourKey, hourOf } from "../../conversations/history-hour.model.ts";
import { recordClosedChat } from "../../conversations/history-record.ts";
import { backfillHistory } from "../history-backfill.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let otherSite: Awaited<ReturnType<TestServer["createSite"]>>;
let ana: StaffMember;
let bo: StaffMember;
let sue: StaffMember;
let adm: StaffMember;
let stranger: StaffMember;

const products = [
  { id: "cloud", name: "Acme Cloud" },
  { id: "billing", name: "Billing" },
];

/** A chat the agent takes, with the visitor's and the agent's lines, closed by the agent. */
async function closedChat(
  agent: StaffMember,
  opts: { name: string; email?: string; first: string; reply?: string; product?: string; siteKey?: string },
) {
  const visitor = await waitingVisitor(t, opts.siteKey ?? site.key, {
    name: opts.name,
    email: opts.email ?? `${opts.name.split(" ")[0]?.toLowerCase()}@example.test`,
    body: opts.first,
    ...(opts.product ? { product: opts.product } : {}),
  });
  await ok(agent.socket, "conversation:accept", { conversationId: visitor.id });
  if (opts.reply) {
    await ok(agent.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: opts.reply });
  }
  await ok(agent.socket, "conversation:close", { conversationId: visitor.id });
  return visitor;
}

const search = (who: StaffMember, input: HistorySearchInput) => ok(who.socket, "history:search", input);
const ids = (rows: HistoryRowDto[]) => rows.map((r) => r.id);

let chats: Record<"printer" | "login" | "invoice" | "foreign", Awaited<ReturnType<typeof closedChat>>>;

beforeAll(async () => {
  // The page's time limit is out of the way (60 s), so what a page holds never depends on the machine's speed; the
  // page's other limits (a month of hours, 5,000 chats) are what these tests meet.
  t = await TestServer.start(undefined, { HISTORY_PAGE_MS: "60000" });
  site = await t.createSite(undefined, undefined, { products });
  otherSite = await t.createSite(undefined, undefined, { products });
  [ana, bo, sue, adm, stranger] = await Promise.all([
    t.staff(site._id, "agent", "Ana"),
    t.staff(site._id, "agent", "Bo"),
    t.staff(site._id, "supervisor", "Sue"),
    t.staff(site._id, "admin", "Adam"),
    t.staff(otherSite._id, "agent", "Stranger"),
  ]);
  // In order, so closedAt rises: newest first is the reverse.
  chats = {
    printer: await closedChat(ana, {
      name: "Paula Printer",
      first: "My invoice PDF will not print",
      reply: "Try the export button (beta.*)",
      product: "billing",
    }),
    login: await closedChat(bo, {
      name: "Larry Login",
      email: "larry@corp.test",
      first: "I cannot log in to the cloud console",
      product: "cloud",
    }),
    invoice: await closedChat(ana, { name: "Ivy Invoice", first: "Where is my invoice for March?" }),
    foreign: await closedChat(stranger, {
      name: "Paula Printer",
      first: "My invoice will not print either",
      siteKey: otherSite.key,
    }),
  };
}, 60_000);
afterAll(() => t.stop());

describe("history search", () => {
  it("should find closed chats by each filter and by combinations, newest first", async () => {
    const all = await search(sue, {});
    expect(ids(all.rows)).toEqual([chats.invoice?.id, chats.login?.id, chats.printer?.id]);
    const printer = all.rows[2];
    expect(printer).toMatchObject({
      visitorName: "Paula Printer",
      visitorEmail: "paula@example.test",
      assignee: { id: ana.id, name: "Ana" },
      product: "billing",
      hasTicket: false,
    });
    expect(Date.parse(printer?.closedAt ?? "")).toBeGreaterThan(0);

    // Words: every word must appear, in any message the visitor could see, case-insensitively.
    expect(ids((await search(sue, { words: "INVOICE" })).rows)).toEqual([chats.invoice?.id, chats.printer?.id]);
    expect(ids((await search(sue, { words: "invoice print" })).rows)).toEqual([chats.printer?.id]);
    expect(ids((await search(sue, { words: "export invoice" })).rows)).toEqual([chats.printer?.id]);
    expect((await search(sue, { words: "invoice cloud" })).rows).toEqual([]);
    // The snippet shows the text around the first word found.
    expect((await search(sue, { words: "export" })).rows[0]?.snippet).toContain("try the export button");

    // Visitor: part of the name or the email, case-insensitively.
    expect(ids((await search(sue, { visitor: "larry" })).rows)).toEqual([chats.login?.id]);
    expect(ids((await search(sue, { visitor: "CORP.TEST" })).rows)).toEqual([chats.login?.id]);
    expect(ids((await search(sue, { visitor: "i" })).rows)).toHaveLength(3);

    // Agent (who handled it), product, dates.
    expect(ids((await search(sue, { agentId: ana.id })).rows)).toEqual([chats.invoice?.id, chats.printer?.id]);
    expect(ids((await search(sue, { agentId: bo.id })).rows)).toEqual([chats.login?.id]);
    expect(ids((await search(sue, { product: "cloud" })).rows)).toEqual([chats.login?.id]);
    const loginClosed = all.rows[1]?.closedAt ?? "";
    expect(ids((await search(sue, { from: loginClosed })).rows)).toEqual([chats.invoice?.id, chats.login?.id]);
    expect(ids((await search(sue, { to: loginClosed })).rows)).toEqual([chats.printer?.id]);
    expect(ids((await search(sue, { from: loginClosed, to: all.rows[0]?.closedAt })).rows)).toEqual([chats.login?.id]);

    // Combinations narrow.
    expect(ids((await search(sue, { agentId: ana.id, words: "march" })).rows)).toEqual([chats.invoice?.id]);
    expect((await search(sue, { agentId: bo.id, words: "invoice" })).rows).toEqual([]);
    expect(ids((await search(sue, { visitor: "paula", product: "billing", hasTicket: false })).rows)).toEqual([
      chats.printer?.id,
    ]);
  });

  it("should take regex characters literally and refuse operator objects and bad input with field errors", async () => {
    expect(ids((await search(ana, { words: "(beta.*)" })).rows)).toEqual([chats.printer?.id]);
    expect((await search(ana, { words: "invoice.*print" })).rows).toEqual([]);
    expect((await search(ana, { visitor: "^" })).rows).toEqual([]);
    expect((await search(ana, { visitor: "[a-z]+" })).rows).toEqual([]);

    const bad: [Record<string, unknown>, string][] = [
      [{ visitor: { $ne: "" } }, "visitor"],
      [{ words: { $regex: ".*" } }, "words"],
      [{ agentId: { $ne: null } }, "agentId"],
      [{ product: { $gt: "" } }, "product"],
      [{ hasTicket: { $ne: true } }, "hasTicket"],
      [{ hasTicket: "true" }, "hasTicket"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "to"],
      [{ after: { closedAt: { $gt: 0 }, id: "x" } }, "after.closedAt"],
      [{ limit: 26 }, "limit"],
      [{ words: "a b c d e f g h i" }, "words"],
      [{ site: otherSite._id.toHexString() }, ""],
    ];
    for (const [input, path] of bad) {
      const res = await call(ana.socket, "history:search", input);
      expect(res, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      if (!res.ok) expect(res.error.issues?.map((i) => i.path)).toContain(path);
    }
  });

  it("should page by (closedAt, id) with no duplicate and no gap, ties included", async () => {
    const base = Date.now() - 2 * 24 * 3_600_000;
    const fixtures = Array.from({ length: 23 }, (_, i) =>
      fixtureChat(`Pager ${i}`, new Date(base + Math.floor(i / 2) * 1_000)),
    );
    // Pairs closed at the same millisecond: the id breaks the tie.
    for (const f of fixtures) await recordClosedChat(f, noText);
    const seen: string[] = [];
    let after: HistoryPageDto["next"] = null;
    let pages = 0;
    do {
      const page: HistoryPageDto = await search(ana, { visitor: "pager", limit: 5, ...(after ? { after } : {}) });
      seen.push(...ids(page.rows));
      after = page.next;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    const expected = [...fixtures]
      .sort(
        (a, b) =>
          (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0) ||
          b._id.toHexString().localeCompare(a._id.toHexString()),
      )
      .map((f) => f._id.toHexString());
    expect(seen).toEqual(expected);
  });

  it("should stop a page at its reading limit and go on from there on the next", async () => {
    const ancient = fixtureChat("Ancient Anna", new Date(Date.now() - 40 * 24 * 3_600_000));
    await recordClosedChat(ancient, noText);
    const first = await search(sue, { visitor: "ancient" });
    expect(first.rows).toEqual([]);
    expect(first.next).not.toBeNull();
    expect(Date.parse(first.searchedTo ?? "")).toBeLessThan(Date.now() - 30 * 24 * 3_600_000);
    const second = await search(sue, { visitor: "ancient", after: present(first.next, "the next page") });
    expect(ids(second.rows)).toEqual([ancient._id.toHexString()]);
    // With a start date, the search reads only from there.
    const dated = await search(sue, {
      visitor: "ancient",
      from: new Date(Date.now() - 41 * 24 * 3_600_000).toISOString(),
    });
    expect(dated.rows).toEqual([]);
    const ranged = await search(sue, {
      visitor: "ancient",
      from: new Date(Date.now() - 41 * 24 * 3_600_000).toISOString(),
      to: new Date(Date.now() - 39 * 24 * 3_600_000).toISOString(),
    });
    expect(ids(ranged.rows)).toEqual([ancient._id.toHexString()]);
    expect(ranged.next).toBeNull();
  });

  it("should never show another site's chats, to anyone", async () => {
    for (const who of [ana, sue, adm]) {
      const rows = (await search(who, { visitor: "paula" })).rows;
      expect(ids(rows)).toEqual([chats.printer?.id]);
    }
    expect(ids((await search(stranger, { visitor: "paula" })).rows)).toEqual([chats.foreign?.id]);
    expect(ids((await search(stranger, { agentId: ana.id })).rows)).toEqual([]);
    expect(await call(stranger.socket, "visitor:history", { conversationId: chats.printer?.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(
      await call(stranger.socket, "conversation:sync", { conversationId: chats.printer?.id, afterSeq: 0 }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("should let every staff member search and open colleagues' closed chats, read-only", async () => {
    for (const who of [ana, bo, sue, adm]) {
      expect(ids((await search(who, { words: "march" })).rows)).toEqual([chats.invoice?.id]);
    }
    // Bo opens Ana's closed chat: the transcript, notes included, but no reply.
    const page = await ok(bo.socket, "conversation:sync", { conversationId: chats.invoice?.id, afterSeq: 0 });
    expect(page.conversation.status).toBe("closed");
    expect(page.messages.map((m) => m.body)).toContain("Where is my invoice for March?");
    expect(
      await call(bo.socket, "message:send", { conversationId: chats.invoice?.id, clientMsgId: msgId(), body: "hi" }),
    ).toMatchObject({ ok: false, error: { code: "CONVERSATION_CLOSED" } });
  });

  it("should search only what the visitor saw: notes are left out, and text is capped", async () => {
    const visitor = await waitingVisitor(t, site.key, { name: "Nora Notes", body: "a visible question" });
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    await ok(sue.socket, "conversation:whisper", {
      conversationId: visitor.id,
      clientMsgId: msgId(),
      body: "secretword",
    });
    await ok(ana.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "x".repeat(4000) });
    for (let i = 0; i < 5; i++) {
      await ok(visitor.socket, "message:send", {
        conversationId: visitor.id,
        clientMsgId: msgId(),
        body: "y".repeat(4000),
      });
    }
    await ok(visitor.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "lateword" });
    await ok(ana.socket, "conversation:close", { conversationId: visitor.id });
    expect((await search(sue, { words: "secretword" })).rows).toEqual([]);
    // The note is still in the transcript, for staff: a colleague opening it reads it, marked internal.
    const transcript = await ok(bo.socket, "conversation:sync", {
      conversationId: visitor.id,
      afterSeq: 0,
    });
    expect(transcript.messages.find((m) => m.body === "secretword")).toMatchObject({ internal: true });
    expect(ids((await search(sue, { words: "visible question" })).rows)).toEqual([visitor.id]);
    // Past the cap: not searchable.
    expect((await search(sue, { words: "lateword" })).rows).toEqual([]);
    const closed = await ClosedConversation.findById(visitor.id).lean<ConversationDoc>();
    const hour = await HistoryHour.findById(
      historyHourKey(site._id, hourOf(closed?.closedAt ?? new Date())),
    ).lean<HistoryHourDoc>();
    const row = JSON.parse(hour?.chats[visitor.id] ?? "{}") as { text: string };
    expect(row.text.length).toBe(SEARCH_TEXT_LIMIT);
  });
});

describe("hasTicket", () => {
  it("should be set when a ticket is made from the chat, before or after it closes", async () => {
    const ticketFields: TicketFields = {
      subject: "Printing",
      priority: "low",
      product: null,
      productVersion: "",
      thirdPartyVersions: "",
      details: "",
      reproductionSteps: "",
      environment: "",
      mostRecentUpdate: "",
      changedSinceLastWorked: "",
      reproducedOnTestSystem: "unknown",
    };
    // After the close, from History, by a colleague.
    await ok(bo.socket, "ticket:create", {
      source: { kind: "chat", conversationId: chats.printer?.id },
      fields: ticketFields,
    });
    // Before the close.
    const open = await waitingVisitor(t, site.key, { name: "Tia Ticket", body: "ticket before close" });
    await ok(ana.socket, "conversation:accept", { conversationId: open.id });
    await ok(ana.socket, "ticket:create", { source: { kind: "chat", conversationId: open.id }, fields: ticketFields });
    await ok(ana.socket, "conversation:close", { conversationId: open.id });

    const withTicket = await search(sue, { hasTicket: true });
    expect(ids(withTicket.rows)).toEqual([open.id, chats.printer?.id]);
    expect(withTicket.rows.every((r) => r.hasTicket)).toBe(true);
    const without = ids((await search(sue, { hasTicket: false, words: "invoice" })).rows);
    expect(without).toEqual([chats.invoice?.id]);
  });
});

describe("visitor history", () => {
  it("should list only that visitor's earlier chats and tickets on that site", async () => {
    // Paula comes back with the same widget (the same visitor): a new chat, open now.
    const again = await t.visitor(site.key);
    const before = await ClosedConversation.findById(chats.printer?.id).lean();
    expect(before).toBeTruthy();
    // A fresh socket is a fresh visitor: use Paula's own token to come back.
    const paula = t.visitorSocket({ siteKey: site.key, visitorToken: chats.printer?.token });
    again.socket.disconnect();
    const started = await ok(paula, "conversation:start", {
      clientMsgId: msgId(),
      name: "Paula Printer",
      email: "paula@example.test",
      body: "Back again",
      environment: (await import("../../../test/harness.ts")).TEST_ENVIRONMENT,
    });
    const history = await ok(ana.socket, "visitor:history", {
      conversationId: started.conversation.id,
    });
    expect(ids(history.chats)).toEqual([chats.printer?.id]);
    expect(history.tickets.map((x) => x.subject)).toEqual(["Printing"]);
    expect(history.chats[0]).toMatchObject({
      hasTicket: true,
      visitorName: "Paula Printer",
      snippet: "My invoice PDF will not print",
    });

    // Another visitor with the same name and email (unverified) is someone else: nothing shows.
    const lookalike = await waitingVisitor(t, site.key, { name: "Paula Printer", email: "paula@example.test" });
    const none = await ok(ana.socket, "visitor:history", { conversationId: lookalike.id });
    expect(none).toEqual({ chats: [], tickets: [] });

    expect(await callUnchecked(ana.socket, "visitor:history", { conversationId: { $ne: null } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", issues: [{ path: "conversationId" }] },
    });
  });
});

describe("the history beside live chats", () => {
  // On devdb any filter but exactly {_id} reads the whole collection: the history's must never be read that way.
  const HISTORY = [
    "closed_conversations",
    "history_hours",
    "history_spans",
    "visitor_pasts",
    "ticket_sources",
    "messages",
  ];
  const byPrimaryKey = (f: Record<string, unknown>) => Object.keys(f).join() === "_id" && typeof f._id !== "object";
  const byObjectId = (f: Record<string, unknown>) => Object.keys(f).join() === "_id" && f._id instanceof Types.ObjectId;

  it("should close, search, list a visitor's past and mark a ticket by primary key only", async () => {
    const visitor = await waitingVisitor(t, site.key, { name: "Kim Keys", body: "primary keys please" });
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    const recording = recordCommands();
    try {
      await ok(ana.socket, "conversation:close", { conversationId: visitor.id });
      await search(sue, { words: "primary keys" });
      await search(sue, { visitor: "kim", hasTicket: false, agentId: ana.id, product: "cloud" });
      await ok(bo.socket, "visitor:history", { conversationId: visitor.id });
      await ok(bo.socket, "ticket:create", {
        source: { kind: "chat", conversationId: visitor.id },
        fields: {
          subject: "Keys",
          priority: "low",
          product: null,
          productVersion: "",
          thirdPartyVersions: "",
          details: "",
          reproductionSteps: "",
          environment: "",
          mostRecentUpdate: "",
          changedSinceLastWorked: "",
          reproducedOnTestSystem: "unknown",
        },
      });
    } finally {
      recording.stop();
    }
    const onHistory = recording.commands.filter((c) => HISTORY.includes(c.collection));
    expect(onHistory.map((c) => c.collection)).toEqual(expect.arrayContaining(["history_hours", "visitor_pasts"]));
    const scans = onHistory.filter(
      (c) => c.name === "aggregate" || c.name === "count" || !c.filters.every((f) => byPrimaryKey(f) || byObjectId(f)),
    );
    expect(scans).toEqual([]);
  });
});

describe("older closed chats", () => {
  it("should be filed for the search by the backfill", async () => {
    const id = new Types.ObjectId();
    const at = new Date(Date.now() - 3 * 3_600_000);
    await ClosedConversation.collection.insertOne({
      _id: id,
      site: site._id,
      visitor: new Types.ObjectId(),
      visitorName: "Olga Old",
      status: "closed",
      openKey: `closed:${id.toHexString()}`,
      lastSeq: 0,
      keyedMessages: true,
      closedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    expect((await search(sue, { visitor: "olga" })).rows).toEqual([]);
    expect(await backfillHistory()).toBeGreaterThanOrEqual(1);
    expect(ids((await search(sue, { visitor: "olga" })).rows)).toEqual([id.toHexString()]);
    // Safe to run again: nothing doubles.
    await backfillHistory();
    expect(ids((await search(sue, { visitor: "olga" })).rows)).toEqual([id.toHexString()]);
  });
});

const noText = { searchText: "", handledBy: [], opening: null };

/** A closed chat as stored, with no messages: for fixtures filed straight into the history. */
function fixtureChat(visitorName: string, closedAt: Date): ConversationDoc {
  const _id = new Types.ObjectId();
  return {
    _id,
    site: site._id,
    visitor: new Types.ObjectId(),
    visitorName,
    visitorEmail: null,
    status: "closed",
    openKey: `closed:${_id.toHexString()}`,
    lastSeq: 0,
    keyedMessages: true,
    product: null,
    assignee: null,
    assigneeName: null,
    closeReason: null,
    preview: null,
    closedAt,
    createdAt: closedAt,
    updatedAt: closedAt,
  } as unknown as ConversationDoc;
}
