import { describe, expect, it } from "vitest";
import { fillPlaceholders, type PlaceholderValues } from "../canned-placeholders.ts";

const values: PlaceholderValues = {
  "visitor.name": "Vera",
  "visitor.email": "vera@example.test",
  "agent.name": "Ana",
  "ticket.number": null,
};

describe("fillPlaceholders", () => {
  it("should fill known placeholders, every time they occur", () => {
    expect(
      fillPlaceholders("Hi {visitor.name}, I'm {agent.name}. {visitor.name}, mail: {visitor.email}", values),
    ).toEqual({
      text: "Hi Vera, I'm Ana. Vera, mail: vera@example.test",
      unfilled: [],
    });
  });

  it("should leave unknown placeholders and known ones without a value as typed, and report the latter", () => {
    expect(fillPlaceholders("Ticket {ticket.number} for {order.id} {Visitor.Name} {ticket.number}", values)).toEqual({
      text: "Ticket {ticket.number} for {order.id} {Visitor.Name} {ticket.number}",
      unfilled: ["ticket.number"],
    });
  });

  it("should not expand a value that looks like a placeholder or a replacement pattern", () => {
    const tricky = { ...values, "visitor.name": "{agent.name} $& $1" };
    expect(fillPlaceholders("Hello {visitor.name}", tricky).text).toBe("Hello {agent.name} $& $1");
  });
});
