import { describe, expect, it } from "vitest";
import { SupportAddresses } from "../support-addresses.ts";

const addresses = new SupportAddresses([
  { address: "support@acme.test", siteKey: "acme" },
  { address: "help@other.test", siteKey: "other" },
]);
const TOKEN = "0123456789abcdef0123456789abcdef";

describe("SupportAddresses", () => {
  it("should know a support address in any case, with or without a tag", () => {
    expect(addresses.recipient("Support@ACME.test")).toMatchObject({ entry: { siteKey: "acme" }, token: null });
    expect(addresses.recipient(`support+t-${TOKEN}@acme.test`)).toMatchObject({ token: TOKEN });
    expect(addresses.recipient("support+billing@acme.test")).toMatchObject({ token: null });
    expect(addresses.recipient("help@other.test")?.entry.siteKey).toBe("other");
  });

  it("should know no other address", () => {
    expect(addresses.recipient("sales@acme.test")).toBeNull();
    expect(addresses.recipient("support@acme.test.evil.test")).toBeNull();
    expect(addresses.recipient("not-an-address")).toBeNull();
  });

  it("should give a site's reply address, which reads back as the site's address with the token", () => {
    const entry = addresses.addressOf({ key: "other" });
    expect(entry?.address).toBe("help@other.test");
    const reply = addresses.replyAddress(entry ?? { address: "", siteKey: null }, TOKEN);
    expect(reply).toBe(`help+t-${TOKEN}@other.test`);
    expect(addresses.recipient(reply)).toMatchObject({ entry: { siteKey: "other" }, token: TOKEN });
    expect(addresses.addressOf({ key: "unknown" })).toBeNull();
  });
});
