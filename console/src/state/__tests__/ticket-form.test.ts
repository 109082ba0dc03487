import type { OfflineRequestDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import {
  detailsFromChat,
  environmentText,
  prefillFromChat,
  prefillFromOffline,
  subjectFrom,
  ticketSource,
} from "../ticket-form.ts";
import { detail, msg } from "./fixtures.ts";

const REQUEST: OfflineRequestDto = {
  id: "c".repeat(24),
  reference: "REQ-7K3M9Q",
  name: "Olga",
  email: "olga@example.com",
  priority: "high",
  product: "p-1",
  details: "The export\n  fails   every time",
  createdAt: "2025-01-01T12:00:00.000Z",
};

describe("subjectFrom", () => {
  it("should keep a short text as it is, whitespace collapsed", () => {
    expect(subjectFrom("  Login\n\tbroken  ")).toBe("Login broken");
  });

  it("should cut a long text to its first 80 characters", () => {
    const subject = subjectFrom("x".repeat(200));
    expect(subject).toHaveLength(80);
  });

  it("should not split a character made of two code units", () => {
    const subject = subjectFrom(`${"a".repeat(79)}😀😀`);
    expect(Array.from(subject)).toHaveLength(80);
    expect(subject.endsWith("😀")).toBe(true);
  });
});

describe("environmentText", () => {
  it("should give one labelled line per captured value, skipping empty ones", () => {
    const text = environmentText({
      url: "https://shop.example/cart",
      referrer: "",
      userAgent: "Mozilla/5.0",
      language: "de-DE",
      timeZone: "Europe/Berlin",
    });
    expect(text).toBe(
      "Page: https://shop.example/cart\nBrowser: Mozilla/5.0\nLanguage: de-DE\nTime zone: Europe/Berlin",
    );
  });

  it("should be empty when nothing was captured", () => {
    expect(environmentText(null)).toBe("");
  });
});

describe("prefillFromChat", () => {
  it("should take the subject from the first visitor message, not an agent's or an internal note", () => {
    const messages = [
      msg(1, { author: { kind: "agent", id: "a".repeat(24), name: "Ann" }, body: "Hello, how can I help?" }),
      msg(2, { internal: true, author: { kind: "agent", id: "a".repeat(24), name: "Ann" }, body: "note" }),
      msg(3, { body: "My invoice PDF is blank" }),
      msg(4, { body: "Second question" }),
    ];
    const prefill = prefillFromChat(detail({ product: "p-2" }), messages);
    expect(prefill.fields.subject).toBe("My invoice PDF is blank");
    expect(prefill.fields.product).toBe("p-2");
    expect(prefill.fields.environment).toContain("Page: https://shop.example/");
    expect(prefill.requester).toEqual({ name: "Visitor 1", email: "v@example.com" });
  });

  it("should leave the subject empty when the visitor has not written yet", () => {
    expect(prefillFromChat(detail(), []).fields.subject).toBe("");
  });
});

describe("prefillFromOffline", () => {
  it("should take subject, details, priority, product and requester from the request", () => {
    const prefill = prefillFromOffline(REQUEST);
    expect(prefill.fields.subject).toBe("The export fails every time");
    expect(prefill.fields.details).toBe(REQUEST.details);
    expect(prefill.fields.priority).toBe("high");
    expect(prefill.fields.product).toBe("p-1");
    expect(prefill.requester).toEqual({ name: "Olga", email: "olga@example.com" });
  });
});

describe("ticketSource", () => {
  it("should name the source the way ticket:create expects", () => {
    expect(ticketSource("chat", "a".repeat(24))).toEqual({ kind: "chat", conversationId: "a".repeat(24) });
    expect(ticketSource("offline", "b".repeat(24))).toEqual({ kind: "offline", offlineRequestId: "b".repeat(24) });
  });
});

describe("detailsFromChat", () => {
  it("joins the visitor's messages in order, as plain text, without agents' messages or notes", () => {
    const messages = [
      msg(3, { body: "  It says <b>error 42</b>  " }),
      msg(1, { body: "My invoice PDF is blank" }),
      msg(2, { author: { kind: "agent", id: "a", name: "Ana" }, body: "Which browser?" }),
      msg(4, { author: { kind: "agent", id: "a", name: "Ana" }, body: "note", internal: true }),
      msg(5, { body: "   " }),
    ];
    expect(detailsFromChat(messages)).toBe("My invoice PDF is blank\n\nIt says <b>error 42</b>");
    expect(prefillFromChat(detail(), messages).fields.details).toBe(detailsFromChat(messages));
  });
  it("is cut to the limit with an ellipsis", () => {
    const text = detailsFromChat([msg(1, { body: "a".repeat(50) }), msg(2, { body: "b".repeat(50) })], 60);
    expect(Array.from(text)).toHaveLength(60);
    expect(text.endsWith("…")).toBe(true);
    expect(detailsFromChat([])).toBe("");
  });
});
