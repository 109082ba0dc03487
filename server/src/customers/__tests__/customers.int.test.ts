import type { CustomerSaveInput, SlaPlan, TicketDto } from "@parley/shared";
import { STANDARD_SLA_PLAN } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ManualClock, ok, type StaffMember, staffMember, TestServer } from "../../../test/harness.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";

const H = 3_600_000;
// The site runs on UTC, open around the clock: a working day is 24 h.
const clock = new ManualClock(new Date("2026-04-30T12:00:00Z"));
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let admin: StaffMember;
let agent: StaffMember;

const customer = (over: Partial<CustomerSaveInput> = {}): CustomerSaveInput => ({
  name: "Globex",
  contacts: [{ name: "Hank Scorpio", email: "hank@globex.test" }],
  // Released 1 March: free through 30 April (day 60), not from 1 May (day 61).
  products: [{ product: "cloud", finalRelease: "2026-03-01", paidSupportUntil: null }],
  slaPlanId: "standard",
  ...over,
});

beforeAll(async () => {
  t = await TestServer.start(undefined, {}, clock.now);
  site = await t.createSite(undefined, undefined, {
    products: [
      { id: "cloud", name: "Acme Cloud" },
      { id: "billing", name: "Billing" },
    ],
  });
  admin = await t.staff(site._id, "admin", "Ada");
  // Every test turns a new chat into a ticket; room for all of them.
  agent = await staffMember(t, site._id, { name: "Ana", capacity: 20 });
});
afterAll(() => t.stop());

describe("customers and entitlement", () => {
  it("should let only admins save customers, and check products, plans and contacts", async () => {
    expect(await call(agent.socket, "customer:save", customer())).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const bad = await call(
      admin.socket,
      "customer:save",
      customer({
        products: [{ product: "nope", finalRelease: "2026-03-01", paidSupportUntil: null }],
        slaPlanId: "gold",
      }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const paths = bad.ok ? [] : (bad.error.issues ?? []).map((i) => i.path);
    expect(paths).toEqual(["products.0.product", "slaPlanId"]);
    const badDate = await call(admin.socket, "customer:save", {
      ...customer(),
      products: [{ product: "cloud", finalRelease: "2026-02-31x", paidSupportUntil: null }],
    });
    expect(badDate).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });

    const { customer: saved } = await ok(admin.socket, "customer:save", customer());
    expect(saved).toMatchObject({ name: "Globex", slaPlanId: "standard" });
    // One email links to one customer: tickets find their customer by it.
    const taken = await call(admin.socket, "customer:save", customer({ name: "Initech" }));
    expect(taken).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", issues: [{ path: "contacts.0.email" }] } });
    const { customers } = await ok(agent.socket, "customer:list", {});
    expect(customers.map((c) => c.name)).toEqual(["Globex"]);
  });

  it("should show free support on day 60 after the final release and flag the ticket on day 61", async () => {
    clock.set("2026-04-30T23:00:00Z");
    const day60 = await chatTicket(t, site.key, agent, { email: "hank@globex.test" });
    expect(day60.ticket).toMatchObject({
      customer: { name: "Globex" },
      entitlement: { kind: "free", until: "2026-05-01T00:00:00.000Z" },
      flagged: false,
    });
    clock.set("2026-05-01T00:00:00Z");
    const day61 = await chatTicket(t, site.key, agent, { email: "hank@globex.test" });
    expect(day61.ticket).toMatchObject({
      entitlement: { kind: "none", freeEndedAt: "2026-05-01T00:00:00.000Z" },
      flagged: true,
    });
    const stranger = await chatTicket(t, site.key, agent, { email: "nobody@else.test" });
    expect(stranger.ticket).toMatchObject({ customer: null, entitlement: { kind: "unknown" }, flagged: true });
  });

  it("should refuse unentitled tickets when the admin says so, and accept paid support", async () => {
    clock.set("2026-06-01T12:00:00Z");
    const { site: settings } = await ok(admin.socket, "site:get", {});
    await ok(admin.socket, "site:update", { tickets: { ...settings.tickets, refuseUnentitled: true } });
    const refused = await chatTicket(t, site.key, agent, { email: "hank@globex.test" }).catch((e: Error) => e);
    expect(String(refused)).toMatch(/NOT_ENTITLED/);

    const { customers } = await ok(admin.socket, "customer:list", {});
    const globex = customers.find((c) => c.name === "Globex");
    await ok(
      admin.socket,
      "customer:save",
      customer({
        id: globex?.id,
        products: [{ product: "cloud", finalRelease: "2026-03-01", paidSupportUntil: "2026-12-31" }],
      }),
    );
    const paid = await chatTicket(t, site.key, agent, { email: "hank@globex.test" });
    expect(paid.ticket).toMatchObject({
      entitlement: { kind: "paid", until: "2027-01-01T00:00:00.000Z" },
      flagged: false,
    });
    await ok(admin.socket, "site:update", { tickets: { ...settings.tickets, refuseUnentitled: false } });
  });

  it("should run a customer's tickets on the priority-support plan an admin attached", async () => {
    clock.set("2026-04-01T09:00:00Z");
    const gold: SlaPlan = {
      id: "gold",
      name: "Gold",
      targets: {
        ...STANDARD_SLA_PLAN.targets,
        critical: { response: { amount: 1, unit: "workingHours" }, workaround: { amount: 1, unit: "workingDays" } },
      },
    };
    const { site: settings } = await ok(admin.socket, "site:get", {});
    const builtIn = await call(admin.socket, "site:update", {
      tickets: { ...settings.tickets, slaPlans: [{ ...gold, id: "standard" }] },
    });
    expect(builtIn).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    await ok(admin.socket, "site:update", { tickets: { ...settings.tickets, slaPlans: [gold] } });
    await ok(
      admin.socket,
      "customer:save",
      customer({ name: "Gold Corp", contacts: [{ name: "Gil", email: "gil@gold.test" }], slaPlanId: "gold" }),
    );
    const { ticket } = await chatTicket(t, site.key, agent, { email: "gil@gold.test" });
    const due = (r: TicketDto["sla"]["response"] | null) => Date.parse(r?.dueAt ?? "") - clock.now().getTime();
    expect(ticket.sla).toMatchObject({ planId: "gold", planName: "Gold" });
    expect(due(ticket.sla.response)).toBe(1 * H);
    expect(due(ticket.sla.workaround)).toBe(24 * H);

    // Gold Corp is on the plan, so it cannot be deleted from under them.
    const stranding = await call(admin.socket, "site:update", { tickets: { ...settings.tickets, slaPlans: [] } });
    expect(stranding).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", issues: [{ path: "tickets.slaPlans" }] },
    });
  });
});
