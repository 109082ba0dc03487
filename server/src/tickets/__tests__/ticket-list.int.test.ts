import type { TicketDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callUnchecked,
  ManualClock,
  ok,
  present,
  type StaffMember,
  staffMember,
  TestServer,
} from "../../../test/harness.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";

const clock = new ManualClock(new Date("2026-11-02T10:00:00Z"));
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let ana: StaffMember;
let bo: StaffMember;
const made: Record<string, TicketDto> = {};

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
  site = await t.createSite(undefined, undefined, {
    products: [
      { id: "cloud", name: "Acme Cloud" },
      { id: "billing", name: "Billing" },
    ],
  });
  ana = await staffMember(t, site._id, { name: "Ana", capacity: 10 });
  bo = await staffMember(t, site._id, { name: "Bo", capacity: 10 });
  // Created an hour apart on a 24/7 site; due = creation + target: low 48 h, medium 24 h, high 12 h, critical 8 h.
  made.low = (
    await chatTicket(t, site.key, ana, { fields: { priority: "low", subject: "Invoice typo", product: "billing" } })
  ).ticket;
  clock.advance(3_600_000);
  made.medium = (
    await chatTicket(t, site.key, ana, { fields: { priority: "medium", subject: "Slow dashboard" } })
  ).ticket;
  clock.advance(3_600_000);
  made.high = (await chatTicket(t, site.key, bo, { fields: { priority: "high", subject: "Login loop" } })).ticket;
  clock.advance(3_600_000);
  made.critical = (
    await chatTicket(t, site.key, bo, { fields: { priority: "critical", subject: "Export fails" } })
  ).ticket;
});
afterAll(() => t.stop());

const list = async (input: Record<string, unknown>) =>
  (await ok(ana.socket, "ticket:list", input)).tickets.map((x) => x.fields.subject);

describe("the ticket list", () => {
  it("should sort by the nearest due time by default, and by number or latest change on request", async () => {
    // Due: critical 13:00+8h=21:00, high 12:00+12h=00:00, medium 11:00+24h, low 10:00+48h.
    expect(await list({})).toEqual(["Export fails", "Login loop", "Slow dashboard", "Invoice typo"]);
    expect(await list({ sort: "number" })).toEqual(["Export fails", "Login loop", "Slow dashboard", "Invoice typo"]);
    // Answering the medium ticket meets its response target: next due is its workaround, 15 working days out.
    await ok(ana.socket, "ticket:reply", {
      ticketId: present(made.medium, "the medium ticket").id,
      clientMsgId: "reply-medium-1",
      body: "On it",
      internal: false,
    });
    expect(await list({})).toEqual(["Export fails", "Login loop", "Invoice typo", "Slow dashboard"]);
    expect((await list({ sort: "updated" }))[0]).toBe("Slow dashboard");
  });

  it("should filter by status, priority, assignee, product and chat", async () => {
    expect(await list({ priority: ["critical", "high"] })).toEqual(["Export fails", "Login loop"]);
    expect(await list({ assignee: "me" })).toEqual(["Invoice typo", "Slow dashboard"]);
    expect(await list({ assignee: bo.id })).toEqual(["Export fails", "Login loop"]);
    expect(await list({ assignee: "none" })).toEqual([]);
    expect(await list({ product: "billing" })).toEqual(["Invoice typo"]);
    expect(await list({ status: ["open"] })).toEqual(["Slow dashboard"]);
    expect(await list({ conversationId: made.high?.conversationId })).toEqual(["Login loop"]);
  });

  it("should find a ticket by number or by words, and treat the search as text", async () => {
    expect(await list({ q: made.high?.number })).toEqual(["Login loop"]);
    expect(await list({ q: made.high?.number.slice(2) })).toEqual(["Login loop"]);
    expect(await list({ q: "DASHBOARD" })).toEqual(["Slow dashboard"]);
    expect(await list({ q: ".*" })).toEqual([]);
    const injected = await callUnchecked(ana.socket, "ticket:list", { q: { $ne: "" } });
    expect(injected).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("should list tickets at risk or breached", async () => {
    // 21:30: the critical ticket is past 75% of its 8 h (19:00) and due 21:00; the high one is at 9.5 of 12 h.
    clock.set("2026-11-02T21:30:00Z");
    await t.server.tickets.sweep();
    expect(await list({ sla: "breached" })).toEqual(["Export fails"]);
    expect(await list({ sla: "at_risk" })).toEqual(["Login loop"]);
    expect(await list({ sla: "at_risk_or_breached" })).toEqual(["Export fails", "Login loop"]);
  });
});
