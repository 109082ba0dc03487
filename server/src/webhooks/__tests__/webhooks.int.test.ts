import { WEBHOOK_EVENT_TYPES, type WebhookEventBody } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  ManualClock,
  msgId,
  ok,
  present,
  recordCommands,
  type StaffMember,
  TestServer,
  waitFor,
  waitForAsync,
  waitingVisitor,
} from "../../../test/harness.ts";
import { chatTicket, setWeekdayHours } from "../../../test/tickets-harness.ts";
import { webhookReceiver } from "../../../test/webhook-receiver.ts";
import { WebhookDelivery } from "../webhook-delivery.model.ts";
import { WebhookDue } from "../webhook-due.model.ts";

// Monday 2 November 2026, 10:00 in London: inside the weekday hours the SLA part sets.
const START = new Date("2026-11-02T10:00:00Z");
const clock = new ManualClock(START);
let t: TestServer;
const receivers: Awaited<ReturnType<typeof webhookReceiver>>[] = [];

beforeAll(async () => {
  t = await TestServer.start(undefined, { SLA_WATCH_INTERVAL_MS: "3600000" }, clock.now);
});
afterAll(async () => {
  await t.stop();
  for (const r of receivers) await r.close();
});

async function receiver(answers: number[] = []) {
  const r = await webhookReceiver({ answers, now: () => clock.now().getTime() });
  receivers.push(r);
  return r;
}

async function siteWithEndpoint(
  admin: (siteId: StaffMember["agent"]["site"]) => Promise<StaffMember>,
  events = [...WEBHOOK_EVENT_TYPES],
  answers: number[] = [],
) {
  const site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  const adam = await admin(site._id);
  const r = await receiver(answers);
  const created = await ok(adam.socket, "webhook:create", { url: r.url, events });
  r.useSecret(created.secret);
  return { site, adam, receiver: r, endpoint: created.endpoint, secret: created.secret };
}

const bodies = (r: { received: { body: string }[] }) => r.received.map((x) => JSON.parse(x.body) as WebhookEventBody);
const typesOf = (r: { received: { body: string }[] }) => bodies(r).map((b) => b.type);

const WHISPER = "whisper: the customer seems upset";
const TICKET_NOTE = "note: check the 4.2 regression first";

describe("signed webhooks", () => {
  it("should send every event type, each signed so the docs' snippet verifies it, and never a note", async () => {
    clock.set(START);
    const { site, adam, receiver: r, secret } = await siteWithEndpoint((s) => t.staff(s, "admin", "Adam"));
    await setWeekdayHours(site._id);
    const ana = await t.staff(site._id, "agent", "Ana");
    const sue = await t.staff(site._id, "supervisor", "Sue");

    // The secret is shown once: no list shows it, and only admins see the endpoints at all.
    const { endpoints } = await ok(adam.socket, "webhook:list", {});
    expect(endpoints).toHaveLength(1);
    expect(JSON.stringify(endpoints)).not.toContain(secret);
    const refused = await call(ana.socket, "webhook:list", {});
    expect(refused.ok ? "OK" : refused.error.code).toBe("FORBIDDEN");

    // A chat, accepted, turned into a ticket; a whisper and a ticket note on the way, and a reply.
    const { visitor, ticket } = await chatTicket(t, site.key, ana);
    await ok(sue.socket, "conversation:whisper", { conversationId: visitor.id, clientMsgId: msgId(), body: WHISPER });
    await ok(ana.socket, "ticket:reply", {
      ticketId: ticket.id,
      clientMsgId: msgId(),
      body: TICKET_NOTE,
      internal: true,
    });
    await ok(ana.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "On it", internal: false });
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "wait_on_customer" });
    await ok(ana.socket, "conversation:close", { conversationId: visitor.id });
    await ok(visitor.socket, "conversation:rate", { conversationId: visitor.id, rating: "good", comment: "Quick" });

    // A second ticket nobody answers: at risk by 16:59, breached and escalated the next morning.
    const second = await chatTicket(t, site.key, ana, { email: "olga@example.test" });
    await waitFor(
      () => typesOf(r).includes("csat.submitted") && typesOf(r).filter((x) => x === "ticket.created").length === 2,
    );
    clock.set("2026-11-02T16:59:00Z");
    await t.server.tickets.sweep();
    await waitFor(() => typesOf(r).includes("ticket.sla_at_risk"));
    clock.set("2026-11-03T10:00:00Z");
    await t.server.tickets.sweep();
    await waitFor(() => typesOf(r).includes("ticket.escalated") && typesOf(r).includes("ticket.sla_breached"));

    for (const type of WEBHOOK_EVENT_TYPES) expect(typesOf(r), type).toContain(type);
    // Every request passed the snippet's check (the receiver answers 401 otherwise) and carries its ids.
    expect(r.received.every((x) => x.verified && x.status === 200)).toBe(true);
    for (const x of r.received) {
      const body = JSON.parse(x.body) as WebhookEventBody;
      expect(x.headers["parley-event-id"]).toBe(body.id);
      expect(x.headers["parley-event-type"]).toBe(body.type);
      expect(x.headers["parley-delivery-id"]).toMatch(/^dlv_[a-f0-9]{32}$/);
      expect(body.siteId).toBe(site._id.toHexString());
    }
    // Notes and whispers stay inside.
    const all = r.received.map((x) => x.body).join("\n");
    expect(all).not.toContain(WHISPER);
    expect(all).not.toContain(TICKET_NOTE);
    // What the payloads carry: the console's DTOs.
    const byType = (type: string) => bodies(r).filter((b) => b.type === type);
    expect(byType("conversation.assigned")[0]?.data).toMatchObject({
      conversation: { id: visitor.id, assignee: { name: "Ana" } },
    });
    expect(byType("ticket.status_changed").map((b) => (b.data as { previousStatus: string }).previousStatus)).toEqual(
      expect.arrayContaining(["new", "open"]),
    );
    expect(byType("ticket.escalated")[0]?.data).toMatchObject({
      ticket: { id: second.ticket.id, status: "escalated" },
      alert: { kind: "escalated" },
    });
    expect(byType("csat.submitted")[0]?.data).toMatchObject({
      conversationId: visitor.id,
      rating: { rating: "good", comment: "Quick" },
    });
    const messages = byType("message.created").map((b) => b.data as { channel: string; message: { body: string } });
    expect(messages.map((m) => m.message.body)).toEqual(
      expect.arrayContaining(["Hello, I need help", "It broke", "On it"]),
    );
    expect(
      messages.every((m) => !("internal" in m.message) || (m.message as { internal: boolean }).internal === false),
    ).toBe(true);

    // The log shows each delivery as delivered, with its status and time (once the last answers are written down).
    const endpointId = present(endpoints[0], "the endpoint").id;
    const log = async () => (await ok(adam.socket, "webhook:deliveries", { endpointId })).deliveries;
    await waitForAsync(async () => (await log()).every((d) => d.status === "delivered"));
    const deliveries = await log();
    expect(deliveries.length).toBe(r.received.length);
    expect(deliveries.every((d) => d.responseStatus === 200 && d.durationMs !== null && d.attempts === 1)).toBe(true);
  });

  it("should cost a message only primary-key reads and inserts, with or without endpoints", async () => {
    clock.set(new Date());
    const { site, receiver: r } = await siteWithEndpoint((s) => t.staff(s, "admin"), ["message.created"]);
    const bare = await t.createSite();
    for (const s of [site, bare]) {
      const ana = await t.staff(s._id, "agent");
      const vera = await waitingVisitor(t, s.key);
      await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
      // Nothing of the site's earlier messages still on its way (the first message, "… joined the chat").
      const arrived = (text: string) => r.received.filter((x) => x.body.includes(text)).length;
      if (s === site) await waitFor(() => arrived("joined the chat") > 0 && arrived("Hello, I need help") > 0);
      const recording = recordCommands();
      await ok(vera.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: "One more thing" });
      // The attempt's last write is the due row's removal.
      const settled = () => recording.commands.some((c) => c.name === "delete" && c.collection === "webhook_due");
      if (s === site) await waitFor(() => arrived("One more thing") > 0 && settled());
      recording.stop();
      const webhookCommands = recording.commands.filter((c) => c.collection.startsWith("webhook_"));
      if (s === site) expect(webhookCommands.map((c) => c.name)).toEqual(expect.arrayContaining(["insert", "update"]));
      for (const c of webhookCommands) {
        for (const f of c.filters) expect(Object.keys(f), `${c.name} ${c.collection}`).toEqual(["_id"]);
      }
    }
  });

  it("should announce each new owner: an accept and a transfer to a colleague, never the transfer's note", async () => {
    clock.set(new Date());
    const { site, receiver: r } = await siteWithEndpoint(
      (s) => t.staff(s, "admin"),
      ["conversation.assigned", "message.created"],
    );
    const ana = await t.staff(site._id, "agent", "Ana");
    const bo = await t.staff(site._id, "agent", "Bo");
    const vera = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: vera.id });
    await ok(ana.socket, "conversation:transfer", {
      conversationId: vera.id,
      to: { kind: "agent", agentId: bo.id },
      note: "transfer note: VIP, be gentle",
    });
    await waitFor(() => typesOf(r).filter((x) => x === "conversation.assigned").length === 2);
    const owners = bodies(r)
      .filter((b) => b.type === "conversation.assigned")
      .map((b) => (b.data as { conversation: { assignee: { name: string } } }).conversation.assignee.name);
    // Deliveries are sent side by side, so their order is not the order of the events.
    expect(owners.sort()).toEqual(["Ana", "Bo"]);
    await waitFor(() => bodies(r).some((b) => JSON.stringify(b.data).includes("transferred the chat to Bo")));
    expect(r.received.map((x) => x.body).join("\n")).not.toContain("VIP, be gentle");
  });

  it("should store an event emitted twice once, and send it once", async () => {
    clock.set(new Date());
    const { site, receiver: r } = await siteWithEndpoint((s) => t.staff(s, "admin"), ["conversation.closed"]);
    const occurrence = {
      type: "conversation.closed" as const,
      site: site._id.toHexString(),
      key: "the-same-close",
      data: () => ({ conversation: null }),
    };
    await Promise.all([
      t.server.webhooks.dispatcher.publish(occurrence),
      t.server.webhooks.dispatcher.publish(occurrence),
    ]);
    await t.server.webhooks.dispatcher.publish(occurrence);
    await waitFor(() => r.received.length === 1);
    expect(await WebhookDelivery.countDocuments({ site: site._id.toHexString() })).toBe(1);
  });

  it("should retry a 500 with growing waits, across a server restart, until the endpoint takes it", async () => {
    clock.set(new Date());
    const {
      site,
      adam,
      receiver: r,
      endpoint,
    } = await siteWithEndpoint((s) => t.staff(s, "admin"), ["conversation.started"], [500, 503]);
    await waitingVisitor(t, site.key);
    const log = async () => (await ok(adam.socket, "webhook:deliveries", { endpointId: endpoint.id })).deliveries;
    // The first attempt, made at once, written down once the endpoint answered.
    await waitForAsync(async () => (await log())[0]?.attempts === 1);
    let [delivery] = await log();
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    expect(delivery?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());

    // Not before its wait is over.
    expect(await t.server.webhooks.sweep()).toBe(0);
    await t.restart();
    clock.advance(60_000);
    // Two sweeps at once (two nodes whose leases overlapped for a moment): the claim lets one of them send it.
    const swept = await Promise.all([t.server.webhooks.sweep(), t.server.webhooks.sweep()]);
    expect(swept[0] + swept[1]).toBe(1);
    expect(r.received.map((x) => x.status)).toEqual([500, 503]);
    const admin2 = await t.staff(site._id, "admin");
    const again = async () =>
      (await ok(admin2.socket, "webhook:deliveries", { endpointId: endpoint.id })).deliveries[0];
    delivery = await again();
    // The second wait is twice the first.
    expect(delivery).toMatchObject({ status: "pending", attempts: 2, responseStatus: 503 });
    expect(delivery?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
    clock.advance(120_000);
    expect(await t.server.webhooks.sweep()).toBe(1);
    expect(r.received.map((x) => x.status)).toEqual([500, 503, 200]);
    expect(new Set(r.received.map((x) => x.headers["parley-delivery-id"])).size).toBe(1);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    expect(r.received.every((x) => x.verified)).toBe(true);
    expect(await again()).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200, lastError: null });
    expect(await WebhookDue.countDocuments({})).toBe(0);
  });

  it("should give up 24 hours after the first attempt, keep it as failed, and send it when an admin redelivers", async () => {
    clock.set(new Date());
    const {
      site,
      adam,
      receiver: r,
      endpoint,
    } = await siteWithEndpoint((s) => t.staff(s, "admin"), ["conversation.started"]);
    r.answerAlways(500);
    const first = clock.now().getTime();
    await waitingVisitor(t, site.key);
    const row = async () => (await WebhookDelivery.findOne({ endpoint: endpoint.id }).lean())!;
    await waitForAsync(async () => (await row())?.attempts === 1);
    // Each sweep at the moment the last wait ends, as the timer would.
    while ((await row()).status === "pending") {
      const next = (await row()).nextAttemptAt;
      if (!next) break;
      clock.set(next);
      expect(await t.server.webhooks.sweep()).toBe(1);
    }
    const failed = await row();
    expect(failed.status).toBe("failed");
    expect(failed.lastAttemptAt!.getTime() - first).toBeLessThanOrEqual(24 * 60 * 60_000);
    // 1, 2, 4 … 32 minutes, then hourly: the attempts of one day.
    expect(failed.attempts).toBe(r.received.length);
    expect(failed.attempts).toBeGreaterThan(20);
    expect(failed.attempts).toBeLessThan(35);
    expect(await WebhookDue.countDocuments({ _id: failed._id })).toBe(0);

    r.answerAlways(null);
    const { delivery } = await ok(adam.socket, "webhook:redeliver", {
      endpointId: endpoint.id,
      deliveryId: failed._id,
    });
    expect(delivery).toMatchObject({ id: failed._id, status: "delivered", responseStatus: 200 });
    expect(r.received.at(-1)?.verified).toBe(true);
    // Another site's admin cannot see or redeliver it.
    const other = await t.createSite();
    const eve = await t.staff(other._id, "admin");
    const probe = await call(eve.socket, "webhook:redeliver", { endpointId: endpoint.id, deliveryId: failed._id });
    expect(probe.ok ? "OK" : probe.error.code).toBe("NOT_FOUND");
  });

  it("should sign with a rotated secret from the next attempt on, and answer the new secret once", async () => {
    clock.set(new Date());
    const {
      adam,
      receiver: r,
      endpoint,
      secret,
    } = await siteWithEndpoint((s) => t.staff(s, "admin"), ["conversation.started"]);
    const rotated = await ok(adam.socket, "webhook:rotate-secret", { endpointId: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
    // The receiver still checks with the old secret: the ping is refused (401) and kept for a retry.
    const { delivery } = await ok(adam.socket, "webhook:ping", {
      endpointId: endpoint.id,
    });
    expect(delivery).toMatchObject({ type: "webhook.ping", status: "pending", responseStatus: 401 });
    r.useSecret(rotated.secret);
    const again = await ok(adam.socket, "webhook:redeliver", {
      endpointId: endpoint.id,
      deliveryId: delivery.id,
    });
    expect(again.delivery).toMatchObject({ status: "delivered", responseStatus: 200 });
  });
});
