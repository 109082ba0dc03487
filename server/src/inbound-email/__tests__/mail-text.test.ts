import { describe, expect, it } from "vitest";
import { automatedReason } from "../automated-mail.ts";
import { cleanSubject, priorityInText } from "../priority-in-text.ts";
import { productInText } from "../product-in-text.ts";
import { newPartOfReply } from "../reply-text.ts";

const PRODUCTS = [
  { id: "cloud", name: "Acme Cloud" },
  { id: "desk", name: "Acme Desk" },
];

describe("priorityInText", () => {
  it("should read a [Priority] tag in the subject before the body", () => {
    expect(priorityInText("[High] Export fails", "[low]")).toBe("high");
    expect(priorityInText("Export fails [ critical ]", "")).toBe("critical");
    expect(priorityInText("Export fails", "Details\n[Low] since today")).toBe("low");
  });

  it("should read a Priority line in the body", () => {
    expect(priorityInText("Export fails", "Priority: High\nProduct: x")).toBe("high");
    expect(priorityInText("Export fails", "Priority level - critical")).toBe("critical");
  });

  it("should find none in words that only look like one", () => {
    expect(priorityInText("High CPU on the server", "the priority is to fix it; low memory")).toBeNull();
    expect(priorityInText("[Urgent] help", "")).toBeNull();
  });
});

describe("cleanSubject", () => {
  it("should drop the priority tag and reply prefixes", () => {
    expect(cleanSubject("Re: Fwd: [High]  Export   fails")).toBe("Export fails");
    expect(cleanSubject("AW: Export [low]")).toBe("Export");
  });
});

describe("productInText", () => {
  it("should take a Product line naming a product by name or id", () => {
    expect(productInText(PRODUCTS, "", "Product: Acme Desk\nIt crashes")).toBe("desk");
    expect(productInText(PRODUCTS, "", "product / project = cloud")).toBe("cloud");
  });

  it("should take the one product the text mentions, and none when several are", () => {
    expect(productInText(PRODUCTS, "Acme Cloud export fails", "")).toBe("cloud");
    expect(productInText(PRODUCTS, "Acme Cloud and Acme Desk", "")).toBeNull();
    expect(productInText(PRODUCTS, "Acme Cloudy", "")).toBeNull();
    expect(productInText(PRODUCTS, "Nothing here", "")).toBeNull();
  });
});

describe("newPartOfReply", () => {
  it("should cut the quoted thread under the reply", () => {
    expect(newPartOfReply("Still broken.\n\nOn Mon, 7 Dec 2026, Acme wrote:\n> Resolved")).toBe("Still broken.");
    expect(newPartOfReply("Yes\r\n-----Original Message-----\r\nFrom: x")).toBe("Yes");
    expect(newPartOfReply("Thanks\n> quoted\n> more")).toBe("Thanks");
  });

  it("should keep the whole text when it is all quote", () => {
    expect(newPartOfReply("> only a quote")).toBe("> only a quote");
  });
});

describe("automatedReason", () => {
  const headers =
    (h: Record<string, string>) =>
    (name: string): string | undefined =>
      h[name];

  it("should know auto-replies, bulk mail, delivery reports and bounces", () => {
    expect(automatedReason(headers({ "auto-submitted": "auto-replied" }), "a@x.test", "a@x.test")).toBe(
      "auto_submitted",
    );
    expect(automatedReason(headers({ precedence: "Bulk" }), "a@x.test", "a@x.test")).toBe("precedence");
    expect(automatedReason(headers({ "x-autoreply": "yes" }), "a@x.test", "a@x.test")).toBe("auto_reply_header");
    expect(
      automatedReason(headers({ "content-type": "multipart/report; report-type=delivery-status" }), "a@x", "a@x"),
    ).toBe("delivery_report");
    expect(automatedReason(headers({}), "", "a@x.test")).toBe("bounce");
    expect(automatedReason(headers({}), undefined, "MAILER-DAEMON@mx.test")).toBe("mailer_daemon");
  });

  it("should take a person's email, and Auto-Submitted: no", () => {
    expect(automatedReason(headers({ "auto-submitted": "no" }), "a@x.test", "a@x.test")).toBeNull();
    expect(automatedReason(headers({}), undefined, "vera@globex.test")).toBeNull();
  });
});
