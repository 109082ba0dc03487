import { describe, expect, it } from "vitest";
import { awayReplyMail, pageOf } from "../away-reply-email.ts";

const site = { allowedOrigins: ["https://shop.example.test"] };

describe("pageOf", () => {
  it("keeps a page on the site's origins, without its fragment", () => {
    expect(pageOf("https://shop.example.test/pricing?plan=pro#top", site)).toBe(
      "https://shop.example.test/pricing?plan=pro",
    );
  });

  it("links nowhere else", () => {
    expect(pageOf("https://evil.example.test/phish", site)).toBeNull();
    expect(pageOf("javascript:alert(1)", site)).toBeNull();
    expect(pageOf("not a url", site)).toBeNull();
    expect(pageOf(undefined, site)).toBeNull();
    expect(pageOf("https://shop.example.test.evil.test/", site)).toBeNull();
  });
});

describe("awayReplyMail", () => {
  it("carries the reply and the link, with a one-line subject", () => {
    const mail = awayReplyMail({
      to: "v@example.test",
      siteName: "Acme\r\nBcc: x@example.test",
      agentName: "Ana",
      body: "Try <b>this</b>",
      link: "https://shop.example.test/#parley=abc",
      site: "s1",
    });
    expect(mail.subject).toBe("New reply from Acme Bcc: x@example.test support");
    expect(mail.text).toContain("Try <b>this</b>");
    expect(mail.text).toContain("https://shop.example.test/#parley=abc");
    expect(mail.kind).toBe("chat_reply");
  });
});
