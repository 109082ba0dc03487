import type { ChatRatingDto, ConversationRatedDto, ConversationRateInput } from "@parley/shared";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  collect,
  ManualClock,
  msgId,
  ok,
  type StaffClient,
  TestServer,
  type VisitorClient,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { Site } from "../../sites/site.model.ts";
import { ChatEndClaim, chatEndClaimOf } from "../chat-end-claim.model.ts";
import { ClosedConversation } from "../conversation.model.ts";

// Ratings and transcripts, against a real server, devdb and a real SMTP server.

const H = 3_600_000;
const DAY = 24 * H;

// Chats are stamped with the wall clock (mongoose timestamps), ratings with the server's clock: the manual clock
// starts at the real time. The site's zone is a fixed offset in which the suite starts between 02:00 and 03:00
// local (as in figures.int.test.ts), so "today" and "yesterday" are whole local days whenever it runs.
const clock = new ManualClock(new Date());
const hourUtc = new Date().getUTCHours();
const offsetHours = 2 - hourUtc < -11 ? 26 - hourUtc : 2 - hourUtc;
const zone = offsetHours === 0 ? "UTC" : `Etc/GMT${offsetHours > 0 ? "-" : "+"}${Math.abs(offsetHours)}`;
const localDate = (instant: number) => new Date(instant + offsetHours * H).toISOString().slice(0, 10);
const startOfLocalDay = (instant: number) => Math.floor((instant + offsetHours * H) / DAY) * DAY - offsetHours * H;

let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  sink = await smtpSink();
  t = await TestServer.start(undefined, { SMTP_URL: sink.url, EMAIL_RETRY_INTERVAL_MS: "100" }, clock.now);
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

async function siteInZone() {
  const site = await t.createSite();
  await Site.updateOne({ _id: site._id }, { $set: { "supportHours.timeZone": zone } });
  return site;
}

const say = (socket: StaffClient | VisitorClient, conversationId: string, body: string) =>
  ok(socket, "message:send", { conversationId, clientMsgId: msgId(), body });

const rate = (socket: VisitorClient, payload: ConversationRateInput) => call(socket, "conversation:rate", payload);

async function errorCode(result: Promise<{ ok: boolean; error?: { code: string } }>): Promise<string | undefined> {
  const r = await result;
  return r.ok ? "OK" : r.error?.code;
}

describe("conversation:rate", () => {
  it("should let only the chat's visitor rate it, once it ended, once, and show the agent", async () => {
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const vera = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await say(ana.socket, vera.id, "Hello, how can I help?");
    const rated = collect<ConversationRatedDto>(ana.socket, "conversation:rated");

    // Not while it is open.
    expect(await errorCode(rate(vera.socket, { conversationId: vera.id, rating: "good" }))).toBe("CONFLICT");
    await ok(ana.socket, "conversation:close", { conversationId: vera.id });

    // Bad values, each refused by the schema before any logic.
    for (const payload of [
      { conversationId: vera.id, rating: "meh" },
      { conversationId: vera.id, rating: 1 },
      { conversationId: vera.id },
      { conversationId: { $ne: null }, rating: "good" },
      { conversationId: vera.id, rating: "good", comment: "x".repeat(501) },
      { conversationId: vera.id, rating: "good", stars: 5 },
    ]) {
      expect(await errorCode(callUnchecked(vera.socket, "conversation:rate", payload))).toBe("BAD_REQUEST");
    }
    // Another visitor: as if it did not exist (ids cannot be probed).
    const olga = await t.visitor(site.key);
    expect(await errorCode(rate(olga.socket, { conversationId: vera.id, rating: "bad" }))).toBe("NOT_FOUND");
    expect(
      await errorCode(rate(vera.socket, { conversationId: new Types.ObjectId().toHexString(), rating: "good" })),
    ).toBe("NOT_FOUND");

    clock.set(new Date());
    const ratedAt = clock.now().toISOString();
    const first = await ok(vera.socket, "conversation:rate", {
      conversationId: vera.id,
      rating: "good",
      comment: "  <b>Quick</b> & kind  ",
    });
    expect(first.rating).toEqual({ rating: "good", comment: "<b>Quick</b> & kind", at: ratedAt });
    // A retry (its ack lost) is answered the same; a change is refused: the rating is final.
    clock.advance(60_000);
    const retry = await ok(vera.socket, "conversation:rate", {
      conversationId: vera.id,
      rating: "good",
      comment: "<b>Quick</b> & kind",
    });
    expect(retry.rating).toEqual(first.rating);
    expect(await errorCode(rate(vera.socket, { conversationId: vera.id, rating: "bad" }))).toBe("CONFLICT");

    // Stored once, on the closed chat; the agent who still had it open was told, once.
    const stored = await ClosedConversation.findById(vera.id).lean();
    expect(stored?.rating).toMatchObject({ value: "good", comment: "<b>Quick</b> & kind" });
    await waitFor(() => rated.length > 0);
    expect(rated).toEqual([{ conversationId: vera.id, rating: first.rating }]);

    // The transcript view shows it to staff, and the visitor's widget sees it after a reload.
    const page = await ok(ana.socket, "conversation:sync", {
      conversationId: vera.id,
      afterSeq: 0,
    });
    expect(page.conversation.rating).toEqual(first.rating);
    const mine = await ok(vera.socket, "conversation:sync", {
      afterSeq: 0,
    });
    expect(mine.conversation).toMatchObject({ id: vera.id, status: "closed", rating: first.rating });
    // And the History list, beside the row the archive filed.
    const history = await ok(ana.socket, "history:search", {});
    expect(history.rows.find((r) => r.id === vera.id)).toMatchObject({ rating: "good" });
  });
});

describe("conversation:rate, at once and after a restart", () => {
  it("should keep one rating when two tabs rate at once", async () => {
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const vera = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await ok(ana.socket, "conversation:close", { conversationId: vera.id });
    // A second tab of the same visitor (same token, another socket).
    const tab = t.visitorSocket({ siteKey: site.key, visitorToken: vera.token });
    await new Promise<void>((resolve) => tab.once("connect", () => resolve()));
    const answers = await Promise.all([
      rate(vera.socket, { conversationId: vera.id, rating: "good" }),
      rate(tab, { conversationId: vera.id, rating: "bad" }),
    ]);
    const won = answers.flatMap((a) => (a.ok ? [(a.data as { rating: ChatRatingDto }).rating.rating] : []));
    expect(won).toHaveLength(1);
    expect(answers.flatMap((a) => (a.ok ? [] : [a.error.code]))).toEqual(["CONFLICT"]);
    const stored = await ClosedConversation.findById(vera.id).lean();
    expect(stored?.rating?.value).toBe(won[0]);
  });

  it("should make good a rating whose write a restart cut off, and refuse another one", async () => {
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const vera = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await ok(ana.socket, "conversation:close", { conversationId: vera.id });
    // What an attempt cut short between its claim and the chat's write leaves behind.
    const at = new Date("2026-12-01T10:00:00Z");
    await ChatEndClaim.create({
      _id: chatEndClaimOf(new Types.ObjectId(vera.id), "rating"),
      at,
      rating: { value: "bad", comment: "Slow", at },
    });
    const rated = collect<ConversationRatedDto>(ana.socket, "conversation:rated");
    // Another rating is refused; the one claimed is written onto the chat, and the agent (and figures) told.
    expect(await errorCode(rate(vera.socket, { conversationId: vera.id, rating: "good" }))).toBe("CONFLICT");
    expect((await ClosedConversation.findById(vera.id).lean())?.rating).toMatchObject({
      value: "bad",
      comment: "Slow",
    });
    await waitFor(() => rated.length > 0);
    expect(rated[0]?.rating).toEqual({ rating: "bad", comment: "Slow", at: at.toISOString() });
    // The same rating again (the widget's retry) is answered with it.
    const again = await ok(vera.socket, "conversation:rate", {
      conversationId: vera.id,
      rating: "bad",
      comment: "Slow",
    });
    expect(again.rating).toEqual({ rating: "bad", comment: "Slow", at: at.toISOString() });
  });
});

describe("conversation:transcript", () => {
  it("should email what the visitor saw, escaped in its HTML, without staff notes, once per chat", async () => {
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana Agent");
    const sue = await t.staff(site._id, "supervisor", "Sue");
    const vera = await waitingVisitor(t, site.key, { email: "vera.transcript@example.test", name: "Vera <Visitor>" });
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await say(vera.socket, vera.id, "<script>alert('x')</script> & my order #12");
    await say(ana.socket, vera.id, "Your order ships **today**.");
    await ok(sue.socket, "conversation:whisper", {
      conversationId: vera.id,
      clientMsgId: msgId(),
      body: "SECRET staff whisper",
    });
    expect(await errorCode(call(vera.socket, "conversation:transcript", { conversationId: vera.id }))).toBe("CONFLICT");
    await ok(ana.socket, "conversation:close", { conversationId: vera.id });

    const olga = await t.visitor(site.key);
    expect(await errorCode(call(olga.socket, "conversation:transcript", { conversationId: vera.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await errorCode(call(vera.socket, "conversation:transcript", { conversationId: vera.id, email: "not-an-email" })),
    ).toBe("BAD_REQUEST");

    const sent = await ok(vera.socket, "conversation:transcript", { conversationId: vera.id });
    expect(sent).toEqual({ sentTo: "vera.transcript@example.test" });
    await waitFor(() => sink.received.some(to("vera.transcript@example.test")), 10_000);
    const [mail] = sink.received.filter(to("vera.transcript@example.test")).map((m) => m.mail);
    expect(mail?.subject).toBe(`Your chat with ${site.name} support`);
    const text = mail?.text ?? "";
    expect(text).toContain("Agent: Ana Agent");
    expect(text).toContain("Vera <Visitor>: <script>alert('x')</script> & my order #12");
    expect(text).toContain("Ana Agent: Your order ships **today**.");
    expect(text).toContain("Ana Agent closed the chat");
    expect(text).toMatch(/\[\d\d:\d\d\] Ana Agent: Your order/);
    const html = typeof mail?.html === "string" ? mail.html : "";
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; my order #12");
    expect(html).toContain("Vera &lt;Visitor&gt;");
    expect(html).not.toContain("<script>");
    // Staff notes never leave: the whisper, and the close reason Parley noted for staff.
    for (const body of [text, html]) {
      expect(body).not.toContain("SECRET staff whisper");
      expect(body).not.toContain("Closed as:");
    }

    // Once per chat, to whatever address.
    expect(
      await errorCode(
        call(vera.socket, "conversation:transcript", { conversationId: vera.id, email: "x@example.test" }),
      ),
    ).toBe("RATE_LIMITED");
    expect(sink.received.filter(to("vera.transcript@example.test"))).toHaveLength(1);

    // A visitor who gave no email types one; without one the request says what is missing.
    // (JSON leaves an undefined key out: a start without an email.)
    const pia = await waitingVisitor(t, site.key, { email: undefined });
    await ok(ana.socket, "conversation:accept", { conversationId: pia.id });
    await ok(ana.socket, "conversation:close", { conversationId: pia.id });
    expect(await errorCode(call(pia.socket, "conversation:transcript", { conversationId: pia.id }))).toBe(
      "BAD_REQUEST",
    );
    const typed = await ok(pia.socket, "conversation:transcript", {
      conversationId: pia.id,
      email: " Pia@Example.test ",
    });
    expect(typed).toEqual({ sentTo: "pia@example.test" });
    await waitFor(() => sink.received.some(to("pia@example.test")), 10_000);
  });
});

describe("CSAT in the figures", () => {
  it("should count good / (good + bad) per day and per agent, by the day each chat started", async () => {
    clock.set(new Date());
    const site = await siteInZone();
    const ana = await t.staff(site._id, "agent", "Ana");
    const ben = await t.staff(site._id, "agent", "Ben");
    const sue = await t.staff(site._id, "supervisor", "Sue");

    // Today: Ana's chats rated good and bad, Ben's good and one not rated.
    const today: { agent: typeof ana; rating: "good" | "bad" | null }[] = [
      { agent: ana, rating: "good" },
      { agent: ana, rating: "bad" },
      { agent: ben, rating: "good" },
      { agent: ben, rating: null },
    ];
    let someVisitor: Awaited<ReturnType<typeof waitingVisitor>> | undefined;
    for (const chat of today) {
      const v = await waitingVisitor(t, site.key);
      someVisitor ??= v;
      await ok(chat.agent.socket, "conversation:accept", { conversationId: v.id });
      await say(chat.agent.socket, v.id, "Hello, how can I help?");
      await ok(chat.agent.socket, "conversation:close", { conversationId: v.id });
      if (chat.rating) await ok(v.socket, "conversation:rate", { conversationId: v.id, rating: chat.rating });
    }
    if (!someVisitor) throw new Error("no visitor");
    const visitor = someVisitor;

    // Yesterday at noon (local): chats the socket API cannot date back, stored closed for the same visitor, then
    // rated through the socket as any other: Ana's good, Ben's two bad.
    const visitorId = (await ClosedConversation.findById(visitor.id).lean())?.visitor;
    if (!visitorId) throw new Error("no visitor id");
    const noonYesterday = startOfLocalDay(clock.now().getTime()) - DAY + 12 * H;
    const yesterday: [typeof ana, "good" | "bad"][] = [
      [ana, "good"],
      [ben, "bad"],
      [ben, "bad"],
    ];
    for (const [agent, rating] of yesterday) {
      const id = new Types.ObjectId();
      await new ClosedConversation({
        _id: id,
        site: site._id,
        visitor: visitorId,
        visitorName: "Vera",
        status: "closed",
        assignee: agent.agent._id,
        assigneeName: agent.name,
        openKey: `closed:${id.toHexString()}`,
        closedAt: new Date(noonYesterday + 600_000),
        firstAgentReplyAt: new Date(noonYesterday + 30_000),
        closeReason: "resolved",
        createdAt: new Date(noonYesterday),
        updatedAt: new Date(noonYesterday + 600_000),
      }).save({ timestamps: false });
      await ok(visitor.socket, "conversation:rate", { conversationId: id.toHexString(), rating });
    }

    clock.set(new Date());
    const stats = async (range: "today" | "7d") => (await ok(sue.socket, "stats:get", { range })).stats;
    const day = await stats("today");
    expect(day.satisfaction).toEqual({ good: 2, bad: 1, csat: 66.7 });
    expect(day.perAgent).toEqual([
      { agent: { id: ana.id, name: "Ana" }, chats: 2, satisfaction: { good: 1, bad: 1, csat: 50 } },
      { agent: { id: ben.id, name: "Ben" }, chats: 2, satisfaction: { good: 1, bad: 0, csat: 100 } },
    ]);

    const week = await stats("7d");
    expect(week.satisfaction).toEqual({ good: 3, bad: 3, csat: 50 });
    const byDate = new Map(week.days.map((d) => [d.date, d.satisfaction]));
    expect(byDate.get(localDate(noonYesterday))).toEqual({ good: 1, bad: 2, csat: 33.3 });
    expect(byDate.get(localDate(clock.now().getTime()))).toEqual({ good: 2, bad: 1, csat: 66.7 });
    expect(week.days.filter((d) => d.satisfaction.csat === null)).toHaveLength(5);
    expect(week.perAgent).toEqual([
      { agent: { id: ben.id, name: "Ben" }, chats: 4, satisfaction: { good: 1, bad: 2, csat: 33.3 } },
      { agent: { id: ana.id, name: "Ana" }, chats: 3, satisfaction: { good: 2, bad: 1, csat: 66.7 } },
    ]);
  });
});
