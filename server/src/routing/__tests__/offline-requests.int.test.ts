// Offline mode (docs/console.md): "when the site is closed, or no agent is online, the widget says so, shows when
// support opens next, and offers an offline form", whose requests reach the console with a reference.
import type { AvailabilityDto, OfflineRequestDto, OfflineRequestInput, SupportCalendar } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  collect,
  msgId,
  ok,
  sleep,
  staffMember,
  startInput,
  TestServer,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { OfflineRequest } from "../../offline/offline-request.model.ts";
import { Site } from "../../sites/site.model.ts";

let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start();
});
afterAll(() => t.stop());

/** Tomorrow's date in UTC: an opening then is always in the future, whatever the time now. */
function tomorrowUtc(): string {
  return new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
}

/** No weekly hours at all, one arranged opening tomorrow morning: closed now, opening at a known instant. */
function closedUntilTomorrow(): SupportCalendar {
  return {
    timeZone: "UTC",
    weekly: [],
    closedDates: [],
    extraOpenings: [{ date: tomorrowUtc(), start: "09:00", end: "10:00", endsNextDay: false }],
  };
}

const request = (over: Partial<OfflineRequestInput> = {}): OfflineRequestInput => ({
  clientRequestId: msgId(),
  name: "Olive Offline",
  email: "olive@example.test",
  priority: "high",
  product: "billing",
  details: "Invoice 42 charged twice",
  ...over,
});

describe("outside support hours", () => {
  it("should refuse new chats with SUPPORT_OFFLINE and tell the widget when support opens", async () => {
    const site = await t.createSite(undefined, undefined, {
      assignmentMode: "auto",
      products: [{ id: "billing", name: "Billing" }],
    });
    const admin = await staffMember(t, site._id, { name: "Ada", role: "admin" });
    const visitor = await t.visitor(site.key);
    const pushed = collect<AvailabilityDto>(visitor.socket, "site:availability");

    await ok(admin.socket, "site:update", { supportHours: closedUntilTomorrow() });

    const expected = {
      open: false,
      agentsOnline: true, // an admin is online: it is the hours that close the site
      acceptingChats: false,
      nextOpeningAt: `${tomorrowUtc()}T09:00:00.000Z`,
      closesAt: null,
      timeZone: "UTC",
      products: [{ id: "billing", name: "Billing" }],
    };
    await waitFor(() => pushed.some((a) => a.open === false));
    expect(pushed.at(-1)).toEqual(expected);
    expect(await ok(visitor.socket, "site:availability", {})).toEqual(expected);

    const refused = await call(visitor.socket, "conversation:start", startInput());
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "SUPPORT_OFFLINE", message: expect.stringMatching(/closed/) },
    });
    expect(await Conversation.countDocuments({ site: site._id })).toBe(0);
  });

  it("should admit a chat left as a message (afterHours) while closed, and queue it", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
    const admin = await staffMember(t, site._id, { name: "Ada", role: "admin" });
    await ok(admin.socket, "site:update", { supportHours: closedUntilTomorrow() });
    const visitor = await t.visitor(site.key);
    const started = await ok(visitor.socket, "conversation:start", {
      ...startInput(),
      afterHours: true,
    });
    expect(started.conversation.status).toBe("queued");
    const bad = await callUnchecked(visitor.socket, "conversation:start", { ...startInput(), afterHours: false });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  // Always reachable (docs/embedding.md): inside hours the chat starts and waits in the queue.
  it("should accept new chats while support is open but nobody is online, and queue them", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
    const visitor = await t.visitor(site.key);
    expect(await ok(visitor.socket, "site:availability", {})).toMatchObject({
      open: true,
      agentsOnline: false,
      acceptingChats: true,
    });
    const started = await ok(visitor.socket, "conversation:start", startInput());
    expect(started.conversation.status).toBe("queued");
  });
});

describe("availability pushed to open widgets", () => {
  it("should tell widgets of new hours even while nobody is online", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
    const admin = await staffMember(t, site._id, { name: "Ada", role: "admin" });
    await ok(admin.socket, "presence:set", { status: "away" });
    const visitor = await t.visitor(site.key);
    const pushed = collect<AvailabilityDto>(visitor.socket, "site:availability");
    expect(await ok(visitor.socket, "site:availability", {})).toMatchObject({ open: true, agentsOnline: false });

    // Chats could not start before and cannot now, but the widget must switch from "nobody is online"
    // to "closed, opens tomorrow at 09:00".
    await ok(admin.socket, "site:update", { supportHours: closedUntilTomorrow() });
    await waitFor(() => pushed.some((a) => !a.open), 2_000);
    expect(pushed.at(-1)).toMatchObject({ open: false, nextOpeningAt: `${tomorrowUtc()}T09:00:00.000Z` });

    // Moving the opening moves what the widget shows.
    const later = closedUntilTomorrow();
    later.extraOpenings = [{ date: tomorrowUtc(), start: "11:00", end: "12:00", endsNextDay: false }];
    await ok(admin.socket, "site:update", { supportHours: later });
    await waitFor(() => pushed.at(-1)?.nextOpeningAt === `${tomorrowUtc()}T11:00:00.000Z`, 2_000);
  });
  it("should not push availability to widgets when only the queue changes", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto" });
    const ana = await staffMember(t, site._id, { name: "Ana" });
    await sleep(150); // her coming online has been published
    const watcher = await t.visitor(site.key);
    const pushed = collect<AvailabilityDto>(watcher.socket, "site:availability");
    for (let i = 0; i < 3; i++) {
      const v = await waitingVisitor(t, site.key);
      await ok(ana.socket, "conversation:accept", { conversationId: v.id });
    }
    await sleep(150);
    expect(pushed).toEqual([]);
  });
});

describe("offline requests", () => {
  it("should store a request, show it to staff, and give a retry the same reference", async () => {
    const site = await t.createSite(undefined, undefined, {
      assignmentMode: "auto",
      products: [{ id: "billing", name: "Billing" }],
    });
    await Site.updateOne({ _id: site._id }, { $set: { supportHours: closedUntilTomorrow() } });
    const agent = await staffMember(t, site._id, { name: "Ana" });
    const created = collect<OfflineRequestDto>(agent.socket, "offline:created");
    const visitor = await t.visitor(site.key);

    const input = request();
    const { reference } = await ok(visitor.socket, "offline:submit", input);
    expect(reference).toMatch(/^REQ-[0-9A-HJKMNP-TV-Z]{6}$/);

    await waitFor(() => created.length === 1);
    expect(created[0]).toEqual({
      id: expect.any(String),
      reference,
      name: "Olive Offline",
      email: "olive@example.test",
      priority: "high",
      product: "billing",
      details: "Invoice 42 charged twice",
      createdAt: expect.any(String),
    });
    const listed = await ok(agent.socket, "offline:list", {});
    expect(listed.requests).toEqual([created[0]]);

    // A double click or a retry after a dropped ack: same reference, one stored request, one notification.
    const again = await ok(visitor.socket, "offline:submit", input);
    expect(again.reference).toBe(reference);
    const racing = request({ details: "Sent twice at once" });
    const [x, y] = await Promise.all([
      ok(visitor.socket, "offline:submit", racing),
      ok(visitor.socket, "offline:submit", racing),
    ]);
    expect(y.reference).toBe(x.reference);
    expect(x.reference).not.toBe(reference);
    await sleep(100);
    expect(await OfflineRequest.countDocuments({ site: site._id })).toBe(2);
    expect(created.map((r) => r.reference).sort()).toEqual([reference, x.reference].sort());

    // Staff of another site see none of it.
    const elsewhere = await t.createSite();
    const outsider = await staffMember(t, elsewhere._id, { name: "Otto" });
    expect((await ok(outsider.socket, "offline:list", {})).requests).toEqual([]);
  });

  it("should refuse a request for a product the site does not have, or without details", async () => {
    const site = await t.createSite(undefined, undefined, { products: [{ id: "billing", name: "Billing" }] });
    const visitor = await t.visitor(site.key);
    expect(await call(visitor.socket, "offline:submit", request({ product: "shipping" }))).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/product/) },
    });
    expect(await call(visitor.socket, "offline:submit", request({ details: "   " }))).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/details are required/) },
    });
    expect(await OfflineRequest.countDocuments({ site: site._id })).toBe(0);
  });
});
