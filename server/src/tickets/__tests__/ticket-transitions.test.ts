import { describe, expect, it } from "vitest";
import { transition } from "../ticket-transitions.ts";

describe("the ticket lifecycle", () => {
  it("should walk new → open → waiting → open → workaround → resolved → closed", () => {
    const steps = [
      ["new", "open", "staff", "open"],
      ["open", "wait_on_customer", "staff", "waiting_on_customer"],
      ["waiting_on_customer", "customer_replied", "customer", "open"],
      ["open", "provide_workaround", "staff", "workaround_provided"],
      ["workaround_provided", "resolve", "staff", "resolved"],
      ["resolved", "confirm", "customer", "closed"],
    ] as const;
    for (const [from, action, by, to] of steps) {
      expect(transition(from, action, by), `${from} --${action}-->`).toMatchObject({ ok: true, to });
    }
  });

  it("should reopen a resolution the customer rejects, which can then be escalated", () => {
    expect(transition("resolved", "reject", "customer")).toMatchObject({ ok: true, to: "open" });
    expect(transition("open", "escalate", "customer")).toMatchObject({ ok: true, to: "escalated" });
  });

  it("should close a resolved ticket automatically, and only a resolved one", () => {
    expect(transition("resolved", "auto_close", "system")).toMatchObject({ ok: true, to: "closed" });
    expect(transition("open", "auto_close", "system")).toMatchObject({ ok: false });
  });

  it("should escalate automatically on a breach from any working state", () => {
    for (const from of ["new", "open", "waiting_on_customer", "workaround_provided"] as const) {
      expect(transition(from, "escalate", "system")).toMatchObject({ ok: true, to: "escalated" });
    }
    expect(transition("closed", "escalate", "system")).toMatchObject({ ok: false });
  });

  it("should leave confirming to the customer and resolving to staff", () => {
    expect(transition("resolved", "confirm", "staff")).toEqual({ ok: false, reason: "confirm is not for the staff" });
    expect(transition("open", "resolve", "customer")).toMatchObject({ ok: false });
  });

  it("should refuse a change that makes no sense from the current status, saying why", () => {
    expect(transition("closed", "resolve", "staff")).toEqual({
      ok: false,
      reason: "A ticket that is closed cannot be resolved",
    });
  });

  it("should pause the SLA clocks while waiting on the customer and resume when leaving that state", () => {
    expect(transition("open", "wait_on_customer", "staff")).toMatchObject({ effects: { pause: true, resume: false } });
    expect(transition("waiting_on_customer", "customer_replied", "customer")).toMatchObject({
      effects: { pause: false, resume: true },
    });
    expect(transition("waiting_on_customer", "resolve", "staff")).toMatchObject({ effects: { resume: true } });
  });

  it("should meet the workaround target with a workaround or a resolution", () => {
    expect(transition("open", "provide_workaround", "staff")).toMatchObject({ effects: { meetsWorkaround: true } });
    expect(transition("open", "resolve", "staff")).toMatchObject({ effects: { meetsWorkaround: true } });
    expect(transition("new", "open", "staff")).toMatchObject({ effects: { meetsWorkaround: false } });
  });
});
