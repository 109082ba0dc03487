import type { TicketAlertDto, TicketDto, VisitorTicketDto } from "@parley/shared";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, lastOf, ManualClock, msgId, ok, sleep, TestServer, waitFor } from "../../../test/harness.ts";
import { chatTicket, setWeekdayHours } from "../../../test/tickets-harness.ts";
import { Site } from "../../sites/site.model.ts";

const H = 3_600_000;
// Monday 2 November 2026, 10:00 in London (GMT): inside the weekday hours set below.
const START = new Date("2026-11-02T10:00:00Z");
const clock = new ManualClock(START);
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  await setWeekdayHours(site._id);
});
afterAll(() => t.stop());

describe("the SLA watch", () => {
  it("should alert at 75%, and on a breach alert and escalate automatically, counting only working hours", async () => {
    clock.set(START);
    const ana = await t.staff(site._id, "agent", "Ana");
    const lead = await t.staff(site._id, "supervisor", "Sue");
    const alerts = collect<TicketAlertDto>(lead.socket, "ticket:alert");
    const updates = collect<TicketDto>(lead.socket, "ticket:updated");
    // Critical: first response within 8 working hours, so due Tuesday 10:00 (7 h Monday + 1 h Tuesday).
    const { ticket } = await chatTicket(t, site.key, ana);
    expect(ticket.sla.response.dueAt).toBe("2026-11-03T10:00:00.000Z");

    clock.set("2026-11-02T16:59:00Z"); // 6 h 59 min of the 8 used: past 75% (6 h), so at risk.
    await t.server.tickets.sweep();
    await waitFor(() => alerts.some((a) => a.ticketId === ticket.id));
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: "at_risk",
        target: "response",
        number: ticket.number,
        text: "At risk of breaching the first-response target",
      }),
    ]);
    await waitFor(() => lastOf(updates, (u) => u.id === ticket.id)?.sla.response.state === "at_risk");

    // Overnight nothing is used; a pass at 08:00 Tuesday changes nothing and alerts nobody.
    clock.set("2026-11-03T08:00:00Z");
    await t.server.tickets.sweep();
    const atRisk = await ok(lead.socket, "ticket:list", { sla: "at_risk" });
    expect(atRisk.tickets.map((x) => x.id)).toContain(ticket.id);

    clock.set("2026-11-03T10:00:00Z");
    await t.server.tickets.sweep();
    await waitFor(() => alerts.some((a) => a.kind === "escalated"));
    expect(alerts.map((a) => a.kind)).toEqual(["at_risk", "breached", "escalated"]);
    const { ticket: after, timeline } = await ok(lead.socket, "ticket:get", { ticketId: ticket.id });
    expect(after).toMatchObject({
      status: "escalated",
      escalation: { automatic: true, by: "Parley", reason: "The first-response target was breached", phone: null },
      sla: { response: { state: "breached" } },
    });
    expect(timeline.filter((e) => e.actor.kind === "system").map((e) => e.text)).toEqual([
      "marked the ticket at risk of breaching the first-response target",
      "marked the first-response target breached",
      "escalated the ticket: The first-response target was breached",
    ]);
    const breached = await ok(lead.socket, "ticket:list", { sla: "breached" });
    expect(breached.tickets.map((x) => x.id)).toContain(ticket.id);

    // Passes are idempotent: the same instant again announces nothing new.
    await t.server.tickets.sweep();
    expect(alerts).toHaveLength(3);
  });

  it("should announce a risk once, even when waiting on the customer pauses and resumes it", async () => {
    clock.set(START);
    const eve = await t.staff(site._id, "agent", "Eve");
    const alerts = collect<TicketAlertDto>(eve.socket, "ticket:alert");
    const { visitor, ticket } = await chatTicket(t, site.key, eve, { fields: { priority: "critical" } });
    clock.set("2026-11-02T16:30:00Z"); // 6.5 of 8 working hours: at risk
    await t.server.tickets.sweep();
    await waitFor(() => alerts.some((a) => a.ticketId === ticket.id));
    await ok(eve.socket, "ticket:act", { ticketId: ticket.id, action: "wait_on_customer" });
    clock.set("2026-11-02T16:40:00Z");
    await ok(visitor.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "Here you go" });
    await t.server.tickets.sweep();
    await sleep(200);
    expect(alerts.filter((a) => a.ticketId === ticket.id).map((a) => a.kind)).toEqual(["at_risk"]);
  });

  it("should not count time spent waiting on the customer", async () => {
    clock.set(START);
    const bo = await t.staff(site._id, "agent", "Bo");
    const { ticket } = await chatTicket(t, site.key, bo, { fields: { priority: "high" } });
    // High: 12 working hours. Two hours used, then waiting on the customer for a day and a half.
    clock.set("2026-11-02T12:00:00Z");
    await ok(bo.socket, "ticket:act", { ticketId: ticket.id, action: "wait_on_customer" });
    clock.set("2026-11-03T15:00:00Z");
    await t.server.tickets.sweep();
    const paused = await ok(bo.socket, "ticket:get", { ticketId: ticket.id });
    expect(paused.ticket.sla.response).toMatchObject({ state: "paused", usedMs: 2 * H, dueAt: null });
    const resumed = await ok(bo.socket, "ticket:act", {
      ticketId: ticket.id,
      action: "provide_workaround",
    });
    // Leaving the wait resumes the clocks at Tuesday 15:00, and the workaround meets both targets at once.
    expect(resumed.ticket.sla.response).toMatchObject({ state: "met", usedMs: 2 * H });
  });

  it("should close a resolved ticket nobody answered after the site's working days, and tell the visitor", async () => {
    clock.set(START);
    await Site.updateOne({ _id: site._id }, { $set: { "tickets.autoCloseWorkingDays": 2 } });
    const cy = await t.staff(site._id, "agent", "Cy");
    const { visitor, ticket } = await chatTicket(t, site.key, cy, { fields: { priority: "low" } });
    const seen = collect<VisitorTicketDto>(visitor.socket, "ticket:updated");
    const { ticket: resolved } = await ok(cy.socket, "ticket:act", {
      ticketId: ticket.id,
      action: "resolve",
    });
    // Resolved Monday 10:00; two 8-hour working days later is Wednesday 10:00.
    expect(resolved.autoCloseAt).toBe("2026-11-04T10:00:00.000Z");

    clock.set("2026-11-04T09:59:00Z");
    await t.server.tickets.sweep();
    expect((await ok(cy.socket, "ticket:get", { ticketId: ticket.id })).ticket.status).toBe("resolved");
    clock.set("2026-11-04T10:00:00Z");
    await t.server.tickets.sweep();
    const { ticket: closed, timeline } = await ok(cy.socket, "ticket:get", { ticketId: ticket.id });
    expect(closed).toMatchObject({ status: "closed", closedAt: "2026-11-04T10:00:00.000Z" });
    expect(timeline.at(-1)).toMatchObject({
      actor: { kind: "system", name: "Parley" },
      from: "resolved",
      to: "closed",
      text: "closed the ticket: no answer 2 working days after it was resolved",
    });
    await waitFor(() => lastOf(seen, () => true)?.status === "closed");
  });

  it("should move a resolved ticket's auto-close when the admin changes the period", async () => {
    clock.set(START);
    await Site.updateOne({ _id: site._id }, { $set: { "tickets.autoCloseWorkingDays": 2 } });
    const fay = await t.staff(site._id, "agent", "Fay");
    const admin = await t.staff(site._id, "admin", "Ada");
    const { ticket } = await chatTicket(t, site.key, fay, { fields: { priority: "low" } });
    await ok(fay.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    const { site: settings } = await ok(admin.socket, "site:get", {});
    await ok(admin.socket, "site:update", { tickets: { ...settings.tickets, autoCloseWorkingDays: 1 } });
    await t.server.tickets.sweep();
    const { ticket: after } = await ok(fay.socket, "ticket:get", { ticketId: ticket.id });
    // Resolved Monday 10:00; one 8-hour working day later is Tuesday 10:00.
    expect(after.autoCloseAt).toBe("2026-11-03T10:00:00.000Z");
  });

  it("should catch up after a restart on what fell due while the server was down", async () => {
    clock.set(START);
    const dee = await t.staff(site._id, "agent", "Dee");
    const { ticket } = await chatTicket(t, site.key, dee, { fields: { priority: "critical" } });
    await t.restart();
    clock.set("2026-11-10T10:00:00Z");
    // The watch's first pass runs as the server starts.
    const lead = await t.staff(site._id, "supervisor", "Sam");
    await t.server.tickets.sweep();
    const { ticket: after } = await ok(lead.socket, "ticket:get", { ticketId: ticket.id });
    expect(after.status).toBe("escalated");
    expect(after.sla.response.state).toBe("breached");
  });

  it("should still check a ticket whose place in the schedule was lost (a crash between the two writes)", async () => {
    clock.set(START);
    const dee = await t.staff(site._id, "agent", "Dee");
    const { ticket } = await chatTicket(t, site.key, dee, { fields: { priority: "critical" } });
    // The watch reads its schedule, not the tickets: without its row the ticket would never be looked at.
    await t.restart(async (db) => {
      const removed = await db.collection("sla_checks").deleteOne({ _id: new Types.ObjectId(ticket.id) });
      expect(removed.deletedCount).toBe(1);
    });
    clock.set("2026-11-10T10:00:00Z");
    const lead = await t.staff(site._id, "supervisor", "Sam");
    // The restart puts the schedule in step with the tickets; every pass waits for that.
    await t.server.tickets.sweep();
    const { ticket: after } = await ok(lead.socket, "ticket:get", { ticketId: ticket.id });
    expect(after.status).toBe("escalated");
  });
});
