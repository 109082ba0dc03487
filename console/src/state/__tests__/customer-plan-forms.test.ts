import { type CustomerDto, SlaPlan, STANDARD_SLA_PLAN } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { alertDismissed, alertReceived, isUrgent, MAX_ALERTS } from "../alerts.ts";
import { customerFormOf, customerInput, customerIssueLayout, newCustomerProductRow } from "../customer-form.ts";
import { errorsAt, formErrors } from "../issues.ts";
import {
  amountOf,
  EDITED_PLAN,
  localRefusal,
  planFormOf,
  planIssueLayout,
  planOf,
  plansWith,
  plansWithout,
  ticketSettingsInput,
  withPlanId,
  withPlanName,
  withTarget,
} from "../sla-plan-form.ts";

const CUSTOMER: CustomerDto = {
  id: "c".repeat(24),
  name: "Globex",
  contacts: [{ name: "Hank", email: "hank@globex.test" }],
  products: [{ product: "acme-cloud", finalRelease: "2026-01-10", paidSupportUntil: null }],
  slaPlanId: "gold",
};

describe("customer form", () => {
  it("gives back the customer it was made from", () => {
    expect(customerInput(customerFormOf(CUSTOMER))).toEqual(CUSTOMER);
  });

  it("starts a new customer with one empty contact and no id", () => {
    const input = customerInput(customerFormOf(null));
    expect(input).toEqual({ name: "", contacts: [{ name: "", email: "" }], products: [], slaPlanId: "standard" });
    expect("id" in input).toBe(false);
  });

  it("trims text and sends an empty paid-support date as none", () => {
    const form = customerFormOf(null);
    const edited = {
      ...form,
      name: "  Initech ",
      contacts: [{ key: "k1", name: " Peter ", email: " peter@initech.test " }],
      products: [{ ...newCustomerProductRow("billing"), finalRelease: "2025-12-01", paidSupportUntil: "2026-12-31" }],
    };
    expect(customerInput(edited)).toEqual({
      name: "Initech",
      contacts: [{ name: "Peter", email: "peter@initech.test" }],
      products: [{ product: "billing", finalRelease: "2025-12-01", paidSupportUntil: "2026-12-31" }],
      slaPlanId: "standard",
    });
  });

  it("puts the server's issue for contacts.1.email on the second contact row", () => {
    const form = {
      ...customerFormOf(CUSTOMER),
      contacts: [
        { key: "first", name: "A", email: "a@x.test" },
        { key: "second", name: "B", email: "nope" },
      ],
    };
    const errors = formErrors(
      { code: "BAD_REQUEST", message: "bad", issues: [{ path: "contacts.1.email", message: "must be an email" }] },
      customerIssueLayout(form),
    );
    expect(errorsAt(errors, "contacts.second.email")).toEqual(["must be an email"]);
    expect(errors.summary).toEqual(["Contact 2, Email: must be an email"]);
  });
});

describe("SLA plan editor", () => {
  it("turns the standard plan's targets back into the same plan", () => {
    const form = planFormOf({ ...STANDARD_SLA_PLAN, id: "copy", name: "Copy" }, STANDARD_SLA_PLAN);
    const result = planOf(form);
    expect(result).toEqual({ ok: true, plan: { ...STANDARD_SLA_PLAN, id: "copy", name: "Copy" } });
    // And the shared schema accepts it.
    expect(result.ok && SlaPlan.safeParse(result.plan).success).toBe(true);
  });

  it("keeps 'none' as no workaround target, and reads decimals", () => {
    let form = withPlanName(planFormOf(null, STANDARD_SLA_PLAN), "Gold Plus");
    form = withTarget(form, "critical", { responseAmount: "1.5", responseUnit: "workingHours" });
    form = withTarget(form, "high", { workaroundUnit: "none" });
    const result = planOf(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.id).toBe("gold-plus");
    expect(result.plan.targets.critical.response).toEqual({ amount: 1.5, unit: "workingHours" });
    expect(result.plan.targets.high.workaround).toBeNull();
    expect(result.plan.targets.low.workaround).toBeNull();
  });

  it("names each amount that is not a positive number", () => {
    let form = planFormOf(null, STANDARD_SLA_PLAN);
    form = withTarget(form, "medium", { responseAmount: "0" });
    form = withTarget(form, "low", { workaroundUnit: "workingDays", workaroundAmount: "soon" });
    const result = planOf(form);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "targets.medium.response.amount", message: "must be a number more than zero" },
        { path: "targets.low.workaround.amount", message: "must be a number more than zero" },
      ],
    });
    expect(amountOf("2")).toBe(2);
    expect(amountOf("-1")).toBeNull();
  });

  it("does not change a saved plan's id, but follows the name for a new one until the id is typed", () => {
    const saved = planFormOf({ ...STANDARD_SLA_PLAN, id: "gold", name: "Gold" }, STANDARD_SLA_PLAN);
    expect(withPlanId(saved, "other").id).toBe("gold");
    expect(withPlanName(saved, "Platinum").id).toBe("gold");
    const typed = withPlanId(planFormOf(null, STANDARD_SLA_PLAN), "my-id");
    expect(withPlanName(typed, "Whatever").id).toBe("my-id");
  });

  it("replaces an edited plan in place, adds a new one, and deletes by id", () => {
    const gold = { ...STANDARD_SLA_PLAN, id: "gold", name: "Gold" };
    const silver = { ...STANDARD_SLA_PLAN, id: "silver", name: "Silver" };
    const renamed = { ...gold, name: "Gold 2" };
    expect(plansWith([gold, silver], "gold", renamed)).toEqual([renamed, silver]);
    expect(plansWith([gold], null, silver)).toEqual([gold, silver]);
    expect(plansWithout([gold, silver], "gold")).toEqual([silver]);
  });

  it("places issues about the edited plan on its fields, local or from the server", () => {
    const gold = { ...STANDARD_SLA_PLAN, id: "gold", name: "Gold" };
    const silver = { ...STANDARD_SLA_PLAN, id: "silver", name: "Silver" };
    const layout = planIssueLayout([gold, silver], 1);
    const fromServer = formErrors(
      { code: "BAD_REQUEST", message: "bad", issues: [{ path: "tickets.slaPlans.1.name", message: "required" }] },
      layout,
    );
    expect(errorsAt(fromServer, `slaPlans.${EDITED_PLAN}.name`)).toEqual(["required"]);
    const local = formErrors(
      localRefusal([{ path: "targets.high.response.amount", message: "bad amount" }], "tickets.slaPlans.1."),
      layout,
    );
    expect(errorsAt(local, `slaPlans.${EDITED_PLAN}.targets.high.response.amount`)).toEqual(["bad amount"]);
  });
});

describe("ticket settings", () => {
  const current = { slaPlans: [], autoCloseWorkingDays: 5, refuseUnentitled: false };
  it("sends whole working days from 1 to 60 with the refusal choice, keeping the plans", () => {
    expect(ticketSettingsInput(current, " 10 ", true)).toEqual({
      ok: true,
      tickets: { slaPlans: [], autoCloseWorkingDays: 10, refuseUnentitled: true },
    });
  });

  it("refuses 0, 61 and fractions", () => {
    for (const text of ["0", "61", "2.5", ""]) expect(ticketSettingsInput(current, text, false).ok).toBe(false);
  });
});

describe("alerts", () => {
  const alert = (n: number, kind: "at_risk" | "breached" | "escalated" = "breached") => ({
    ticketId: n.toString(16).padStart(24, "0"),
    number: `T-${1000 + n}`,
    subject: "s",
    kind,
    target: kind === "escalated" ? null : ("response" as const),
    at: "2026-01-05T10:00:00.000Z",
    text: "t",
  });

  it("shows a redelivered alert once, and the newest few", () => {
    let alerts = alertReceived([], alert(1));
    expect(alertReceived(alerts, alert(1))).toBe(alerts);
    for (let n = 2; n <= MAX_ALERTS + 2; n++) alerts = alertReceived(alerts, alert(n));
    expect(alerts).toHaveLength(MAX_ALERTS);
    expect(alerts.at(-1)?.alert.number).toBe(`T-${1000 + MAX_ALERTS + 2}`);
  });

  it("dismisses by key", () => {
    const alerts = alertReceived(alertReceived([], alert(1)), alert(2));
    const key = alerts[0]?.key ?? "";
    expect(alertDismissed(alerts, key).map((a) => a.alert.number)).toEqual(["T-1002"]);
  });

  it("treats only 'at risk' as not urgent", () => {
    expect(isUrgent(alert(1, "at_risk"))).toBe(false);
    expect(isUrgent(alert(1, "breached"))).toBe(true);
    expect(isUrgent(alert(1, "escalated"))).toBe(true);
  });
});
