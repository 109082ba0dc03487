import { MAX_TRANSFER_NOTE_LENGTH } from "@parley/shared/constants";
import { describe, expect, it } from "vitest";
import { transferDestination, transferInput, transferNoteTooLong, transferTargets } from "../transfer.ts";
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
    const targets = transferTargets(members, [{ id: "billing", name: "Billing" }], ME.id, ME.id);
    expect(targets.agents.map((o) => o.label)).toEqual([
      "Bob (Online, 1 of 3 chats)",
      "Cy (Online, 3 of 3 chats, full)",
    ]);
    expect(targets.agents[0]?.value).toBe(`agent:${members[0]?.id}`);
    expect(targets.products).toEqual([{ value: "product:billing", name: "Billing", label: "Billing team" }]);
  });

  it("leaves out whoever has the chat now, when a lead transfers a colleague's chat", () => {
    const members = [member(1, { name: "Bob" }), member(2, { name: "Cy" })];
    const targets = transferTargets(members, [], ME.id, members[0]?.id ?? null);
    expect(targets.agents.map((o) => o.name)).toEqual(["Cy"]);
  });

  it("leaves out colleagues whose capacity is 0, who can never take a chat", () => {
    const members = [member(1, { name: "Bob", capacity: 0 }), member(2, { name: "Cy", capacity: 1, load: 1 })];
    const targets = transferTargets(members, [], ME.id, ME.id);
    expect(targets.agents.map((o) => o.label)).toEqual(["Cy (Online, 1 of 1 chats, full)"]);
  });
});

describe("transferNoteTooLong", () => {
  it("measures the note as it is sent, trimmed, against the shared limit", () => {
    const longest = "x".repeat(MAX_TRANSFER_NOTE_LENGTH);
    expect(transferNoteTooLong(`  ${longest}  `)).toBe(false);
    expect(transferNoteTooLong(`${longest}x`)).toBe(true);
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
