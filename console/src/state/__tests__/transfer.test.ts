import { describe, expect, it } from "vitest";
import { transferDestination, transferInput, transferTargets } from "../transfer.ts";
import { ME, member } from "./fixtures.ts";

describe("transferTargets", () => {
  it("lists online, enabled colleagues other than me, with their load, and every product team", () => {
    const members = [
      member(1, { name: "Bob", load: 1 }),
      member(2, { name: "Cy", load: 3 }),
      member(3, { name: "Di", status: "away" }),
      member(4, { name: "Ed", disabled: true }),
      member(5, { id: ME.id, name: ME.name }),
    ];
    const targets = transferTargets(members, [{ id: "billing", name: "Billing" }], ME.id);
    expect(targets.agents.map((o) => o.label)).toEqual([
      "Bob (Online, 1 of 3 chats)",
      "Cy (Online, 3 of 3 chats, full)",
    ]);
    expect(targets.agents[0]?.value).toBe(`agent:${members[0]?.id}`);
    expect(targets.products).toEqual([{ value: "product:billing", name: "Billing", label: "Billing team" }]);
  });
});

describe("transferInput", () => {
  const id = "c".repeat(24);
  it("builds the destination from the select value", () => {
    expect(transferDestination(`agent:${ME.id}`)).toEqual({ kind: "agent", agentId: ME.id });
    expect(transferDestination("product:billing")).toEqual({ kind: "product", productId: "billing" });
    expect(transferDestination("")).toBeNull();
    expect(transferDestination("agent:")).toBeNull();
    expect(transferDestination("team:x")).toBeNull();
  });

  it("sends a trimmed note, and none when it is blank", () => {
    expect(transferInput(id, "product:billing", "  wants a refund  ")).toEqual({
      conversationId: id,
      to: { kind: "product", productId: "billing" },
      note: "wants a refund",
    });
    expect(transferInput(id, "product:billing", "   ")).toEqual({
      conversationId: id,
      to: { kind: "product", productId: "billing" },
    });
    expect(transferInput(id, "", "note")).toBeNull();
  });
});
