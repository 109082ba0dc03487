import type { TicketDto } from "@parley/shared";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  ManualClock,
  msgId,
  ok,
  type StaffClient,
  TestServer,
  waitingVisitor,
} from "../../../test/harness.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Message } from "../../conversations/message.model.ts";
import { Site } from "../../sites/site.model.ts";
import { buildLedger } from "../../supervision/figures-rebuild.ts";

/** Ratings are counted in ratings.int.test.ts; these chats have none. */
const UNRATED = { good: 0, bad: 0, csat: null };

const S = 1000;
const H = 3_600_000;
const DAY = 24 * H;

// Chats are stamped with the wall clock (mongoose timestamps, message-store), tickets' SLA clocks with the
// server's clock. So the manual clock starts at the real time, and the site gets a fixed-offset zone in which
// the test starts between 02:00 and 03:00 local: moving the clock 13 hours on for the SLA targets stays
// within the same local day, whenever the suite runs.
const clock = new ManualClock(new Date());
const hourUtc = new Date().getUTCHours();
const offsetHours = 2 - hourUtc < -11 ? 26 - hourUtc : 2 - hourUtc; // −11 … +12
// "Etc/GMT-5" is UTC+5: the sign is POSIX's, the other way round.
const zone = offsetHours === 0 ? "UTC" : `Etc/GMT${offsetHours > 0 ? "-" : "+"}${Math.abs(offsetHours)}`;
const localDate = (instant: number) => new Date(instant + offsetHours * H).toISOString().slice(0, 10);
const startOfLocalDay = (instant: number) => Math.floor((instant + offsetHours * H) / DAY) * DAY - offsetHours * H;

let t: TestServer;

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
});
afterAll(() => t.stop());

async function siteInZone() {
  const site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  await Site.updateOne({ _id: site._id }, { $set: { "supportHours.timeZone": zone } });
  return site;
}

const stats = async (socket: StaffClient, range: "today" | "7d") => (await ok(socket, "stats:get", { range })).stats;

describe("stats:get", () => {
  it("should count today's chats by outcome and by agent, and the 7 days with older stored chats", async () => {
    clock.set(new Date());
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const ben = await t.staff(site._id, "agent", "Ben");
    const sue = await t.staff(site._id, "supervisor", "Sue");
    const say = (socket: typeof ana.socket, conversationId: string) =>
      ok(socket, "message:send", { conversationId, clientMsgId: msgId(), body: "Hello, how can I help?" });

    // Answered by Ana and closed; answered by Ben and still open.
    const first = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: first.id });
    await say(ana.socket, first.id);
    await ok(ana.socket, "conversation:close", { conversationId: first.id });
    const second = await waitingVisitor(t, site.key);
    await ok(ben.socket, "conversation:accept", { conversationId: second.id });
    await say(ben.socket, second.id);
    // Missed: Ana accepted and closed it without a word.
    const third = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: third.id });
    await ok(ana.socket, "conversation:close", { conversationId: third.id });
    // Abandoned: nobody took it, and the supervisor closed it from the queue.
    const fourth = await waitingVisitor(t, site.key);
    await ok(sue.socket, "conversation:close", { conversationId: fourth.id });
    // Waiting in the queue.
    await waitingVisitor(t, site.key);

    clock.set(new Date());
    const today = await stats(sue.socket, "today");
    expect(today).toMatchObject({
      range: "today",
      timeZone: zone,
      from: new Date(startOfLocalDay(clock.now().getTime())).toISOString(),
      to: clock.now().toISOString(),
      chats: { started: 5, answered: 2, missed: 1, abandoned: 1, waiting: 1 },
      // Ana had the first and third, Ben the second.
      perAgent: [
        { agent: { id: ana.id, name: "Ana" }, chats: 2, satisfaction: UNRATED },
        { agent: { id: ben.id, name: "Ben" }, chats: 1, satisfaction: UNRATED },
      ],
      ticketsByPriority: { critical: 0, high: 0, medium: 0, low: 0 },
      slaCompliance: { response: null, workaround: null },
      days: [
        {
          date: localDate(clock.now().getTime()),
          started: 5,
          answered: 2,
          missed: 1,
          abandoned: 1,
          satisfaction: UNRATED,
        },
      ],
    });
    // Real sockets take milliseconds, not seconds: the exact arithmetic is in figures.test.ts.
    expect(today.firstReplyWaitSeconds).toEqual({ median: expect.any(Number), p90: expect.any(Number) });
    expect(today.firstReplyWaitSeconds?.p90).toBeLessThan(5);
    expect(today.medianDurationSeconds).toBeLessThan(5);

    // Three local days ago, at noon: chats the socket API cannot date back, so stored directly, as chats from
    // before the figures' ledger are (the ledger's migration brings them in, below). One from before
    // `firstAgentReplyAt` existed, whose first agent reply is only in its messages (45 s after the start); one
    // with the field set (a 75 s wait). Both closed after 10 min.
    const noon3DaysAgo = startOfLocalDay(clock.now().getTime()) - 3 * DAY + 12 * H;
    const legacyId = new Types.ObjectId();
    const old = (id: Types.ObjectId, firstAgentReplyAt: Date | null) =>
      new Conversation({
        _id: id,
        site: site._id,
        visitor: new Types.ObjectId(),
        visitorName: "Olga Old",
        status: "closed",
        assignee: ben.agent._id,
        assigneeName: "Ben",
        openKey: `closed:${id.toHexString()}`,
        assignedAt: new Date(noon3DaysAgo + 10 * S),
        closedAt: new Date(noon3DaysAgo + 600 * S),
        firstAgentReplyAt,
        createdAt: new Date(noon3DaysAgo),
        updatedAt: new Date(noon3DaysAgo + 600 * S),
      }).save({ timestamps: false });
    await old(legacyId, null);
    await old(new Types.ObjectId(), new Date(noon3DaysAgo + 75 * S));
    // Stored as older versions stored messages: under an ObjectId.
    await Message.create({
      _id: new Types.ObjectId(),
      conversation: legacyId,
      seq: 1,
      clientMsgId: msgId(),
      authorKind: "agent",
      authorId: ben.agent._id,
      authorName: "Ben",
      body: "Hello from before the field",
      createdAt: new Date(noon3DaysAgo + 45 * S),
    });
    await buildLedger();

    const week = await stats(sue.socket, "7d");
    expect(week.chats).toEqual({ started: 7, answered: 4, missed: 1, abandoned: 1, waiting: 1 });
    expect(week.from).toBe(new Date(startOfLocalDay(clock.now().getTime()) - 6 * DAY).toISOString());
    expect(week.days).toHaveLength(7);
    expect(week.days[3]).toEqual({
      date: localDate(noon3DaysAgo),
      started: 2,
      answered: 2,
      missed: 0,
      abandoned: 0,
      satisfaction: UNRATED,
    });
    expect(week.days[6]).toMatchObject({ date: localDate(clock.now().getTime()), started: 5 });
    expect(week.days.filter((_, i) => i !== 3 && i !== 6).every((d) => d.started === 0)).toBe(true);
    // Waits: today's two (under 5 s each), 45 s and 75 s: the median is the mean of the middle two, between
    // 22.5 and 40 s; the 90th percentile the 4th of 4, 75 s.
    expect(week.firstReplyWaitSeconds?.p90).toBe(75);
    expect(week.firstReplyWaitSeconds?.median).toBeGreaterThanOrEqual(22);
    expect(week.firstReplyWaitSeconds?.median).toBeLessThanOrEqual(40);
    // Closed: today's three (under 5 s) and two of 600 s: the median is the 3rd of 5, one of today's.
    expect(week.medianDurationSeconds).toBeLessThan(5);
    expect(week.perAgent).toEqual([
      { agent: { id: ben.id, name: "Ben" }, chats: 3, satisfaction: UNRATED },
      { agent: { id: ana.id, name: "Ana" }, chats: 2, satisfaction: UNRATED },
    ]);
  });

  it("should count tickets by priority and the share of decided SLA targets met on time", async () => {
    clock.set(new Date());
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const admin = await t.staff(site._id, "admin", "Ada");
    const reply = (ticket: TicketDto) =>
      ok(ana.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "On it", internal: false });

    // The site is open around the clock: critical answers within 8 h and works around within 3 days, high
    // answers within 12 h.
    const { ticket: onTime } = await chatTicket(t, site.key, ana, { fields: { priority: "critical" } });
    await reply(onTime);
    await ok(ana.socket, "ticket:act", { ticketId: onTime.id, action: "provide_workaround" });
    const { ticket: late } = await chatTicket(t, site.key, ana, { fields: { priority: "critical" } });
    const { ticket: breached } = await chatTicket(t, site.key, ana, { fields: { priority: "high" } });

    // Nothing decided but the first ticket's two targets. (The clock catches up with the tickets' createdAt,
    // which mongoose stamps with the wall clock.)
    clock.set(new Date());
    expect((await stats(admin.socket, "today")).slaCompliance).toEqual({ response: 100, workaround: 100 });

    clock.advance(9 * H); // 9 h: the second critical ticket is answered an hour late.
    await reply(late);
    clock.advance(4 * H); // 13 h: the high one breaches its 12 h, unanswered.
    const today = await stats(admin.socket, "today");
    expect(today.ticketsByPriority).toEqual({ critical: 2, high: 1, medium: 0, low: 0 });
    // Response: on time, late, breached → 1 of 3 = 33.3 %. Workaround: only the first is decided (the others
    // have 3 and 5 days) → 100 %.
    expect(today.slaCompliance).toEqual({ response: 33.3, workaround: 100 });
    expect(breached.priority).toBe("high");
    // The tickets' three chats: Ana accepted each and answered in the ticket, never in the chat, and they
    // are still open: waiting, not judged until they end.
    expect(today.chats).toEqual({ started: 3, answered: 0, missed: 0, abandoned: 0, waiting: 3 });
    expect(today.perAgent).toEqual([{ agent: { id: ana.id, name: "Ana" }, chats: 3, satisfaction: UNRATED }]);
  });

  it("should refuse agents and unknown ranges", async () => {
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const refused = await call(ana.socket, "stats:get", { range: "today" });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const sue = await t.staff(site._id, "supervisor", "Sue");
    const bad = await callUnchecked(sue.socket, "stats:get", { range: "30d" });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });
});
