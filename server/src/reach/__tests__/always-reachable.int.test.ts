// Always reachable: a chat starts with nobody online and is offered when an agent comes online; outside
// hours a message left in the chat waits for the opening; a reply to a visitor who left reaches them by email
// (through a real SMTP server), once per burst, never while they are connected, with a link that reopens the chat.
import type { SupportCalendar } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  connected,
  ManualClock,
  msgId,
  offersTo,
  ok,
  staffMember,
  startInput,
  TEST_ENVIRONMENT,
  TestServer,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { Conversation, type ConversationDoc } from "../../conversations/conversation.model.ts";
import { Site } from "../../sites/site.model.ts";

const MINUTE = 60_000;
// A Wednesday at noon UTC: inside the weekday hours below.
const WEDNESDAY_NOON = new Date("2026-12-02T12:00:00Z");
const clock = new ManualClock(WEDNESDAY_NOON);
let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  sink = await smtpSink();
  t = await TestServer.start(
    undefined,
    { SMTP_URL: sink.url, VISITOR_GONE_SWEEP_MS: "600000", EMAIL_RETRY_INTERVAL_MS: "100" },
    clock.now,
  );
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

const WEEKDAYS_9_TO_17: SupportCalendar = {
  timeZone: "UTC",
  weekly: (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({
    day,
    start: "09:00",
    end: "17:00",
    endsNextDay: false,
  })),
  closedDates: [],
  extraOpenings: [],
};

const row = (id: string) => Conversation.findById(id).lean<ConversationDoc>();
const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);

async function autoSite(calendar?: SupportCalendar) {
  const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
  if (calendar) await Site.updateOne({ _id: site._id }, { $set: { supportHours: calendar } });
  return site;
}

describe("a chat started while nobody is online", () => {
  it("should be queued with nobody online, and offered the moment an agent comes online", async () => {
    clock.set(WEDNESDAY_NOON);
    const site = await autoSite();
    const visitor = await waitingVisitor(t, site.key);
    expect(visitor.started.conversation).toMatchObject({ status: "queued", replyByEmail: true });
    await waitFor(() => visitor.queue.some((q) => q.conversationId === visitor.id));
    expect(visitor.queue.at(-1)).toMatchObject({ agentsOnline: 0, estimatedWaitSeconds: null, position: 1 });

    const ana = await staffMember(t, site._id, { name: "Ana" });
    const offers = offersTo(ana.socket, ana.id);
    // Offered by the routing pass her coming online started, or seen in her first inbox if that ran first.
    const inbox = await ok(ana.socket, "inbox:sync", {});
    expect(inbox.waiting.find((c) => c.id === visitor.id)?.leftMessage).toBe(false);
    const offeredAtSync = inbox.waiting.some((c) => c.id === visitor.id && c.offer?.agent.id === ana.id);
    if (!offeredAtSync) await waitFor(() => offers.includes(visitor.id));
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    await waitFor(() => visitor.updates.some((u) => u.status === "active"));
  });
});

describe("outside support hours", () => {
  it("should refuse a plain start, queue a message left in the chat, keep it when the visitor leaves, and offer it when agents come online at the opening", async () => {
    const saturday = new Date("2026-12-05T10:00:00Z");
    clock.set(saturday);
    const site = await autoSite(WEEKDAYS_9_TO_17);
    const visitor = await t.visitor(site.key);
    const availability = await ok(visitor.socket, "site:availability", {});
    expect(availability).toMatchObject({
      open: false,
      acceptingChats: false,
      nextOpeningAt: "2026-12-07T09:00:00.000Z",
    });
    expect(await call(visitor.socket, "conversation:start", startInput())).toMatchObject({
      ok: false,
      error: { code: "SUPPORT_OFFLINE" },
    });
    // Bad input: afterHours is `true` or absent, nothing else.
    for (const afterHours of [false, "yes", 1]) {
      expect(await callUnchecked(visitor.socket, "conversation:start", { ...startInput(), afterHours })).toMatchObject({
        ok: false,
        error: { code: "BAD_REQUEST" },
      });
    }
    const left = await ok(visitor.socket, "conversation:start", {
      ...startInput("Please call me back on Monday"),
      afterHours: true,
    });
    const id = left.conversation.id;
    expect(left.conversation.status).toBe("queued");
    expect((await row(id))?.leftMessage).toBe(true);

    // The visitor goes; past "visitor left" the sweep keeps a left message queued (it withdraws other queued chats).
    visitor.socket.disconnect();
    await waitForAsync(async () => (await row(id))?.visitorDisconnectedAt != null);
    clock.advance(60 * MINUTE);
    await t.server.visitorGone.sweep();
    expect((await row(id))?.status).toBe("queued");

    // Monday at the opening an agent signs in: the message rings for her.
    clock.set("2026-12-07T09:00:00Z");
    const bo = await staffMember(t, site._id, { name: "Bo" });
    const offers = offersTo(bo.socket, bo.id);
    const inbox = await ok(bo.socket, "inbox:sync", {});
    // The console marks it "Left after hours": the visitor is not waiting live.
    expect(inbox.waiting.find((c) => c.id === id)?.leftMessage).toBe(true);
    if (!inbox.waiting.some((c) => c.id === id && c.offer?.agent.id === bo.id)) {
      await waitFor(() => offers.includes(id));
    }
  });
});

describe("a reply to a visitor who left", () => {
  it("should reach them by email once per burst, never while connected, with a link that reopens the chat", async () => {
    clock.set(WEDNESDAY_NOON);
    const site = await t.createSite();
    const ana = await t.staff(site._id, "agent", "Ana");
    const email = `away-${msgId()}@example.test`;
    const page = `${t.url}/pricing?plan=pro`;
    const visitor = await waitingVisitor(t, site.key, {
      email,
      environment: { ...TEST_ENVIRONMENT, url: `${page}#top` },
    });
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    const say = (body: string) =>
      ok(ana.socket, "message:send", {
        conversationId: visitor.id,
        clientMsgId: msgId(),
        body,
      });

    // Connected: the reply arrives in the widget and no email is claimed.
    await say("Connected reply");
    await waitFor(() => visitor.messages.some((m) => m.body === "Connected reply"));
    expect((await row(visitor.id))?.replyEmailedAt).toBeNull();

    visitor.socket.disconnect();
    await waitForAsync(async () => (await row(visitor.id))?.visitorDisconnectedAt != null);
    await say("First away reply");
    await say("Second away reply");
    await say("Third away reply");
    await waitFor(() => sink.received.some(to(email)), 10_000);
    const [mail] = sink.received.filter(to(email));
    expect(mail?.mail.text).toContain("First away reply");
    expect(mail?.mail.text).not.toContain("Connected reply");
    expect(mail?.mail.subject).toBe(`New reply from ${site.name} support`);

    // Past the gap, the next reply is a new email.
    clock.advance(16 * MINUTE);
    await say("Much later reply");
    await waitFor(() => sink.received.filter(to(email)).length === 2, 10_000);
    expect(sink.received.filter(to(email))).toHaveLength(2);
    expect(sink.received.filter(to(email))[1]?.mail.text).toContain("Much later reply");

    // The link: the chat's page, its fragment replaced by the reopen token.
    const link = /(\S+#parley=([A-Za-z0-9_-]+))/.exec(mail?.mail.text ?? "");
    expect(link?.[1]?.startsWith(`${page}#parley=`)).toBe(true);
    const token = link?.[2] ?? "";
    const reopen = (body: unknown, origin = t.url) =>
      fetch(`${t.url}/api/widget/reopen`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify(body),
      });
    const res = await reopen({ siteKey: site.key, reopenToken: token });
    expect(res.status).toBe(201);
    const { visitorToken, conversationId } = (await res.json()) as { visitorToken: string; conversationId: string };
    expect(conversationId).toBe(visitor.id);
    const back = t.visitorSocket({ siteKey: site.key, visitorToken });
    await connected(back);
    const page1 = await ok(back, "conversation:sync", {
      conversationId,
      afterSeq: 0,
    });
    expect(page1.messages.map((m) => m.body)).toContain("Third away reply");
    // Connected again: a reply is not emailed, however long since the last email.
    await waitForAsync(async () => (await row(visitor.id))?.visitorDisconnectedAt == null);
    clock.advance(16 * MINUTE);
    await say("Reply while back");
    expect((await row(visitor.id))?.replyEmailedAt?.getTime()).toBe(WEDNESDAY_NOON.getTime() + 16 * MINUTE);

    // Refused: malformed, unknown, another site's, a foreign origin, and expired.
    expect((await reopen({ siteKey: site.key, reopenToken: "short" })).status).toBe(400);
    expect((await reopen({ siteKey: site.key, reopenToken: token, extra: 1 })).status).toBe(400);
    expect((await reopen({ siteKey: site.key, reopenToken: { $ne: "" } })).status).toBe(400);
    expect((await reopen({ siteKey: site.key, reopenToken: "A".repeat(43) })).status).toBe(404);
    const other = await t.createSite();
    expect((await reopen({ siteKey: other.key, reopenToken: token })).status).toBe(404);
    expect((await reopen({ siteKey: site.key, reopenToken: token }, "https://evil.example.test")).status).toBe(403);
    clock.advance(8 * 24 * 60 * MINUTE);
    expect((await reopen({ siteKey: site.key, reopenToken: token })).status).toBe(404);
    // Two bursts, two emails: by now any extra one from the first burst would have arrived.
    expect(sink.received.filter(to(email))).toHaveLength(2);
  });

  it("should send no email to a visitor who gave none, and link nowhere off the site's origins", async () => {
    clock.set(WEDNESDAY_NOON);
    const site = await t.createSite();
    const ana = await t.staff(site._id, "agent", "Ana");
    const email = `offsite-${msgId()}@example.test`;
    const visitor = await waitingVisitor(t, site.key, {
      email,
      environment: { ...TEST_ENVIRONMENT, url: "https://evil.example.test/phish" },
    });
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    visitor.socket.disconnect();
    await waitForAsync(async () => (await row(visitor.id))?.visitorDisconnectedAt != null);
    await ok(ana.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "Hi again" });
    await waitFor(() => sink.received.some(to(email)), 10_000);
    const text = sink.received.find(to(email))?.mail.text ?? "";
    expect(text).toContain("Hi again");
    expect(text).not.toContain("evil.example.test");
    expect(text).not.toContain("#parley=");

    const { email: _none, ...withoutEmail } = startInput();
    const quiet = await waitingVisitor(t, site.key, { ...withoutEmail, email: undefined });
    expect(quiet.started.conversation.replyByEmail).toBe(false);
    await ok(ana.socket, "conversation:accept", { conversationId: quiet.id });
    quiet.socket.disconnect();
    await waitForAsync(async () => (await row(quiet.id))?.visitorDisconnectedAt != null);
    await ok(ana.socket, "message:send", { conversationId: quiet.id, clientMsgId: msgId(), body: "Nobody to mail" });
    expect((await row(quiet.id))?.replyEmailedAt).toBeNull();
  });
});
