import { describe, expect, it } from "vitest";
import { WebhookCreateInput, WebhookRedeliverInput } from "../schemas/webhooks.ts";

describe("webhook schemas", () => {
  it("should take an http(s) URL and a set of known events, each once", () => {
    expect(
      WebhookCreateInput.parse({
        url: "  https://hooks.example.com/parley  ",
        events: ["message.created", "message.created", "csat.submitted"],
      }),
    ).toEqual({ url: "https://hooks.example.com/parley", events: ["message.created", "csat.submitted"] });
  });

  it.each([
    { url: "ftp://hooks.example.com/", events: ["message.created"] },
    { url: "javascript:alert(1)", events: ["message.created"] },
    { url: "https://user:pw@hooks.example.com/", events: ["message.created"] },
    { url: "https://hooks.example.com/", events: [] },
    { url: "https://hooks.example.com/", events: ["message.internal"] },
    { url: "https://hooks.example.com/", events: ["message.created"], secret: "mine" },
    { url: { $ne: "" }, events: ["message.created"] },
  ])("should refuse %j", (input) => {
    expect(WebhookCreateInput.safeParse(input).success).toBe(false);
  });

  it("should take only delivery ids of the server's shape", () => {
    const endpointId = "0123456789abcdef01234567";
    expect(WebhookRedeliverInput.safeParse({ endpointId, deliveryId: `dlv_${"a".repeat(32)}` }).success).toBe(true);
    expect(WebhookRedeliverInput.safeParse({ endpointId, deliveryId: { $gt: "" } }).success).toBe(false);
    expect(WebhookRedeliverInput.safeParse({ endpointId, deliveryId: "dlv_../../x" }).success).toBe(false);
  });
});
