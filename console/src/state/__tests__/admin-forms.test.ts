import { describe, expect, it } from "vitest";
import { agentCreateInput, agentUpdateInput, draftOf, emptyAgentForm, toggledProduct } from "../agent-form.ts";
import {
  newProductRow,
  productRowsOf,
  productsInput,
  slugify,
  withProductId,
  withProductName,
} from "../products-form.ts";
import { supervisionInput } from "../supervision-form.ts";
import { member } from "./fixtures.ts";

const PRODUCTS = [
  { id: "billing", name: "Billing" },
  { id: "shipping", name: "Shipping" },
  { id: "returns", name: "Returns" },
];

describe("products form", () => {
  it("slugifies names into ids ProductId accepts", () => {
    expect(slugify("Billing & Payments")).toBe("billing-payments");
    expect(slugify("  Crème brûlée  ")).toBe("creme-brulee");
    expect(slugify("--Über--")).toBe("uber");
    expect(slugify(`${"x".repeat(39)} tail`)).toBe("x".repeat(39));
    expect(slugify("!!!")).toBe("");
  });

  it("lets a new row's id follow its name until the id is typed", () => {
    let row = withProductName(newProductRow(), "Gift Cards");
    expect(row.id).toBe("gift-cards");
    row = withProductId(row, "gifts");
    row = withProductName(row, "Gift cards and vouchers");
    expect(row.id).toBe("gifts");
  });

  it("never changes a saved product's id", () => {
    const [saved] = productRowsOf(PRODUCTS);
    if (!saved) throw new Error("no row");
    expect(withProductId(saved, "other").id).toBe("billing");
    expect(withProductName(saved, "Invoices")).toMatchObject({ id: "billing", name: "Invoices" });
  });

  it("sends the whole list, trimmed", () => {
    const rows = [...productRowsOf(PRODUCTS.slice(0, 1)), withProductName(newProductRow(), " Gifts ")];
    expect(productsInput(rows)).toEqual({
      products: [
        { id: "billing", name: "Billing" },
        { id: "gifts", name: "Gifts" },
      ],
    });
  });
});

describe("agent forms", () => {
  it("creates with capacity as a number, defaulting to 3", () => {
    const result = agentCreateInput({ ...emptyAgentForm, name: "Ana", email: "ana@example.com", password: "pw" });
    expect(result).toEqual({
      ok: true,
      input: { name: "Ana", email: "ana@example.com", password: "pw", role: "agent", capacity: 3, products: [] },
    });
    const bad = agentCreateInput({ ...emptyAgentForm, capacity: "lots" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues).toEqual([{ path: "capacity", message: "capacity must be a whole number" }]);
  });

  it("updates only what changed, and nothing when nothing did", () => {
    const ana = member(1, { products: ["billing", "returns"] });
    expect(agentUpdateInput(ana, draftOf(ana))).toEqual({ ok: true, input: null });
    // Same products in another order are not a change.
    expect(agentUpdateInput(ana, { ...draftOf(ana), products: ["returns", "billing"] })).toEqual({
      ok: true,
      input: null,
    });
    expect(agentUpdateInput(ana, { role: "supervisor", capacity: "5", products: ["billing"] })).toEqual({
      ok: true,
      input: { agentId: ana.id, role: "supervisor", capacity: 5, products: ["billing"] },
    });
    expect(agentUpdateInput(ana, { ...draftOf(ana), capacity: "" }).ok).toBe(false);
  });

  it("ticks products in the site's order and keeps unknown tags", () => {
    expect(toggledProduct(["returns"], "billing", true, PRODUCTS)).toEqual(["billing", "returns"]);
    expect(toggledProduct(["billing", "returns"], "billing", false, PRODUCTS)).toEqual(["returns"]);
    expect(toggledProduct(["legacy"], "shipping", true, PRODUCTS)).toEqual(["shipping", "legacy"]);
  });
});

describe("supervision alerts form", () => {
  it("sends whole seconds within the schema's bounds", () => {
    expect(supervisionInput(" 90 ", "180")).toEqual({
      ok: true,
      supervision: { queueWaitAlertSeconds: 90, unansweredAlertSeconds: 180 },
    });
  });

  it("refuses blanks, fractions and values out of bounds at the paths site:update reports", () => {
    const result = supervisionInput("9", "1.5");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual([
        "supervision.queueWaitAlertSeconds",
        "supervision.unansweredAlertSeconds",
      ]);
    }
    expect(supervisionInput("", "86401").ok).toBe(false);
    expect(supervisionInput("10", "86400").ok).toBe(true);
  });
});
