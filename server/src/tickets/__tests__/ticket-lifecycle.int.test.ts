import type { TicketAlertDto, TicketDto, TicketMessageDto, VisitorTicketDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, callUnchecked, collect, lastOf, msgId, ok, TestServer, waitFor } from "../../../test/harness.ts";
import { chatTicket, ticketFields } from "../../../test/tickets-harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
});
afterAll(() => t.stop());

describe("a ticket from the customer's side", () => {
  it("should show the visitor their ticket, carry replies both ways but never notes, and close on their confirmation", async () => {
    const ana = await t.staff(site._id, "agent", "Ana");
    const { visitor, ticket } = await chatTicket(t, site.key, ana);
    const visitorUpdates = collect<VisitorTicketDto>(visitor.socket, "ticket:updated");
    const visitorMessages = collect<TicketMessageDto>(visitor.socket, "ticket:message");
    const staffUpdates = collect<TicketDto>(ana.socket, "ticket:updated");

    // The visitor sees the number and the response target (critical: 8 working hours on a 24/7 site).
    const { tickets } = await ok(visitor.socket, "ticket:list", {});
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ number: ticket.number, priority: "critical", status: "new" });
    expect(tickets[0]?.response.met).toBe(false);
    expect(Date.parse(tickets[0]?.response.dueAt ?? "") - Date.parse(ticket.createdAt)).toBeCloseTo(8 * 3_600_000, -4);

    // A note stays with staff; a reply reaches the visitor live, meets the response target and opens the ticket.
    await ok(ana.socket, "ticket:reply", {
      ticketId: ticket.id,
      clientMsgId: msgId(),
      body: "Customer sounds upset",
      internal: true,
    });
    const replyId = msgId();
    const reply = { ticketId: ticket.id, clientMsgId: replyId, body: "We are on it", internal: false };
    const first = await ok(ana.socket, "ticket:reply", reply);
    const again = await ok(ana.socket, "ticket:reply", reply);
    expect(again.message.id).toBe(first.message.id);
    await waitFor(() => visitorMessages.length === 1);
    expect(visitorMessages.map((m) => m.body)).toEqual(["We are on it"]);
    await waitFor(() => lastOf(visitorUpdates, () => true)?.response.met === true);
    expect(lastOf(visitorUpdates, () => true)?.status).toBe("open");

    const seen = await ok(visitor.socket, "ticket:get", { ticketId: ticket.id });
    expect(seen.messages.map((m) => m.body)).toEqual(["We are on it"]);

    // Waiting on the customer pauses the clocks; their reply resumes them and reopens the ticket.
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "wait_on_customer" });
    await ok(visitor.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "Here are the logs" });
    await waitFor(() => lastOf(staffUpdates, (u) => u.id === ticket.id)?.status === "open");

    // Resolved, then confirmed by the visitor: closed, and the console hears of it.
    await ok(ana.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    await waitFor(() => lastOf(visitorUpdates, () => true)?.status === "resolved");
    expect(lastOf(visitorUpdates, () => true)?.autoCloseAt).not.toBeNull();
    const confirmed = await ok(visitor.socket, "ticket:respond", {
      ticketId: ticket.id,
      action: "confirm",
    });
    expect(confirmed.ticket.status).toBe("closed");
    await waitFor(() => lastOf(staffUpdates, (u) => u.id === ticket.id)?.status === "closed");

    const closed = await call(visitor.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "x" });
    expect(closed).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const { timeline, messages } = await ok(ana.socket, "ticket:get", { ticketId: ticket.id });
    expect(messages.map((m) => [m.author.kind, m.internal, m.body])).toEqual([
      ["staff", true, "Customer sounds upset"],
      ["staff", false, "We are on it"],
      ["customer", false, "Here are the logs"],
    ]);
    expect(timeline.filter((e) => e.type === "status").map((e) => [e.actor.kind, e.from, e.to])).toEqual([
      ["staff", "new", "open"],
      ["staff", "open", "waiting_on_customer"],
      ["customer", "waiting_on_customer", "open"],
      ["staff", "open", "resolved"],
      ["customer", "resolved", "closed"],
    ]);
  });

  it("should reopen a rejected resolution, keep the reason, and let staff escalate it with a phone number", async () => {
    const bo = await t.staff(site._id, "agent", "Bo");
    const lead = await t.staff(site._id, "supervisor", "Sue");
    const alerts = collect<TicketAlertDto>(lead.socket, "ticket:alert");
    const { visitor, ticket } = await chatTicket(t, site.key, bo, { fields: { priority: "high" } });
    await ok(bo.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });

    const rejected = await ok(visitor.socket, "ticket:respond", {
      ticketId: ticket.id,
      action: "reject",
      comment: "Still fails on Mondays",
    });
    expect(rejected.ticket.status).toBe("open");
    // A second answer to the same resolution is refused: it is no longer resolved.
    const twice = await call(visitor.socket, "ticket:respond", { ticketId: ticket.id, action: "confirm" });
    expect(twice).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const badPhone = await call(bo.socket, "ticket:escalate", {
      ticketId: ticket.id,
      reason: "Keeps failing",
      phone: "call me",
    });
    expect(badPhone).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const { ticket: escalated } = await ok(bo.socket, "ticket:escalate", {
      ticketId: ticket.id,
      reason: "Keeps failing after the fix",
      phone: "+44 20 7946 0000",
    });
    expect(escalated).toMatchObject({
      status: "escalated",
      escalation: { automatic: false, by: "Bo", reason: "Keeps failing after the fix", phone: "+44 20 7946 0000" },
    });
    await waitFor(() => alerts.some((a) => a.ticketId === ticket.id && a.kind === "escalated"));

    const { timeline, messages } = await ok(bo.socket, "ticket:get", { ticketId: ticket.id });
    expect(timeline.map((e) => e.text)).toContain(
      "said the problem still affects them: Still fails on Mondays; the ticket is open again",
    );
    // Their reason is kept in the thread too, where staff answer it.
    expect(messages.map((m) => [m.author.kind, m.body])).toEqual([["customer", "Still fails on Mondays"]]);
    expect(timeline.at(-1)).toMatchObject({ actor: { name: "Bo" }, from: "open", to: "escalated" });
  });

  it("should reopen a resolved ticket the customer answers, instead of letting it close as unanswered", async () => {
    const dee = await t.staff(site._id, "agent", "Dee");
    const { visitor, ticket } = await chatTicket(t, site.key, dee, { fields: { priority: "low" } });
    await ok(dee.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    await ok(visitor.socket, "ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "No, it still fails" });
    const { ticket: after } = await ok(dee.socket, "ticket:get", { ticketId: ticket.id });
    expect(after).toMatchObject({ status: "open", resolvedAt: null, autoCloseAt: null });
  });

  it("should let only someone who may read a chat turn it into a ticket", async () => {
    const eve = await t.staff(site._id, "agent", "Eve");
    const { visitor } = await chatTicket(t, site.key, eve);
    const other = await t.staff(site._id, "agent", "Fay");
    // Eve's chat already has a ticket, and Fay may not read it: no ticket and no transcript for her.
    const refused = await call(other.socket, "ticket:create", {
      source: { kind: "chat", conversationId: visitor.id },
      fields: ticketFields(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("should show a visitor only their own tickets, and refuse what is not theirs", async () => {
    const cy = await t.staff(site._id, "agent", "Cy");
    const { ticket } = await chatTicket(t, site.key, cy);
    const stranger = await t.visitor(site.key);
    expect((await ok(stranger.socket, "ticket:list", {})).tickets).toEqual([]);
    for (const [event, payload] of [
      ["ticket:get", { ticketId: ticket.id }],
      ["ticket:reply", { ticketId: ticket.id, clientMsgId: msgId(), body: "hi" }],
      ["ticket:respond", { ticketId: ticket.id, action: "confirm" }],
    ] as const) {
      expect(await call(stranger.socket, event, payload)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    const injected = await callUnchecked(stranger.socket, "ticket:get", { ticketId: { $ne: null } });
    expect(injected).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    // Staff-only events do not exist for visitors, and a visitor cannot act as staff.
    const asStaff = await callUnchecked(stranger.socket, "ticket:act", { ticketId: ticket.id, action: "resolve" });
    expect(asStaff.ok).toBe(false);
  });
});
