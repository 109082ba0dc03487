import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/config.ts";

describe("inbound email configuration", () => {
  it("should be off unless asked for", () => {
    expect(loadConfig({}).inboundEmail).toEqual({ addresses: [], smtp: null, maxBytes: 25 * 1024 * 1024, imap: null });
    expect(loadConfig({ SMTP_INBOUND_PORT: "", IMAP_URL: "" }).inboundEmail.smtp).toBeNull();
  });

  it("should read the support addresses, the receiver and the mailbox", () => {
    const { inboundEmail } = loadConfig({
      SUPPORT_ADDRESSES: " Support@Acme.example=acme , help@globex.example",
      SMTP_INBOUND_PORT: "2525",
      SMTP_INBOUND_ALLOWED_CLIENTS: "10.0.0.5, ::1",
      IMAP_URL: "imaps://u:p@imap.example.com/INBOX",
    });
    expect(inboundEmail.addresses).toEqual([
      { address: "support@acme.example", siteKey: "acme" },
      { address: "help@globex.example", siteKey: null },
    ]);
    expect(inboundEmail.smtp).toEqual({ port: 2525, host: "127.0.0.1", allowedClients: ["10.0.0.5", "::1"] });
    expect(inboundEmail.imap).toEqual({ url: "imaps://u:p@imap.example.com/INBOX", pollIntervalMs: 60_000 });
  });

  it("should refuse malformed settings at start", () => {
    expect(() => loadConfig({ SUPPORT_ADDRESSES: "not an address" })).toThrow(/SUPPORT_ADDRESSES/);
    expect(() => loadConfig({ SUPPORT_ADDRESSES: "a@b.example=bad key!" })).toThrow(/SUPPORT_ADDRESSES/);
    expect(() => loadConfig({ IMAP_URL: "http://imap.example.com" })).toThrow(/IMAP_URL/);
    expect(() => loadConfig({ SMTP_INBOUND_ALLOWED_CLIENTS: "evil.example" })).toThrow(/ALLOWED_CLIENTS/);
  });
});
