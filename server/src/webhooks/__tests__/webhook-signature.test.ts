import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyParleyWebhook } from "../verify-snippet.mjs";
import { newWebhookSecret, signWebhook } from "../webhook-signature.ts";

// The snippet docs/api.md shows, against the server's signer: what a customer's receiver accepts and refuses.
describe("webhook signatures", () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: "evt_1", type: "message.created", data: { body: "héllo" } });
  const at = new Date("2026-11-02T10:00:00Z");
  const headers = signWebhook(secret, body, at);

  it("should be accepted by the snippet with the secret, the body as sent, within 5 minutes", () => {
    expect(headers["parley-signature"]).toMatch(/^v1=[a-f0-9]{64}$/);
    expect(verifyParleyWebhook(secret, headers, body, at.getTime())).toEqual(JSON.parse(body));
    expect(verifyParleyWebhook(secret, headers, Buffer.from(body), at.getTime() + 4 * 60_000)).not.toBeNull();
  });

  it("should be refused with another secret, another body, or a replay older than 5 minutes", () => {
    expect(verifyParleyWebhook(newWebhookSecret(), headers, body, at.getTime())).toBeNull();
    expect(verifyParleyWebhook(secret, headers, body.replace("héllo", "hello"), at.getTime())).toBeNull();
    expect(verifyParleyWebhook(secret, headers, body, at.getTime() + 5 * 60_000 + 1_000)).toBeNull();
    expect(verifyParleyWebhook(secret, headers, body, at.getTime() - 6 * 60_000)).toBeNull();
    // A fresh timestamp on a captured request does not help without the secret.
    const replayed = { ...headers, "parley-timestamp": String(Math.floor(at.getTime() / 1000) + 600) };
    expect(verifyParleyWebhook(secret, replayed, body, at.getTime() + 600_000)).toBeNull();
    expect(verifyParleyWebhook(secret, {}, body, at.getTime())).toBeNull();
  });

  it("should be the snippet docs/api.md shows, byte for byte", () => {
    const docs = readFileSync(new URL("../../../../docs/api.md", import.meta.url), "utf8");
    const snippet = readFileSync(new URL("../verify-snippet.mjs", import.meta.url), "utf8");
    expect(docs).toContain(`\`\`\`js\n${snippet.trim()}\n\`\`\``);
  });
});
