import { describe, expect, it } from "vitest";
import { escapeHtml, transcriptMail } from "../transcript-email.ts";

const at = (iso: string) => new Date(iso);

describe("transcriptMail", () => {
  const mail = transcriptMail({
    to: "vera@example.test",
    siteName: "Acme\r\nBcc: evil@example.test",
    agentName: "Ana <Agent>",
    startedAt: at("2026-12-07T09:05:00Z"),
    timeZone: "Europe/Paris",
    lines: [
      {
        at: at("2026-12-07T09:05:00Z"),
        kind: "visitor",
        authorName: "Vera",
        body: `<img src=x onerror="alert(1)"> & 'quotes'\nsecond line`,
        fileNames: ["<evil>.png"],
      },
      { at: at("2026-12-07T09:06:00Z"), kind: "agent", authorName: "Ana <Agent>", body: "Hello", fileNames: [] },
      {
        at: at("2026-12-07T09:07:00Z"),
        kind: "system",
        authorName: "Parley",
        body: "Ana closed the chat",
        fileNames: [],
      },
    ],
    site: "0123456789abcdef01234567",
  });

  it("should keep the subject on one line and times in the visitor's zone", () => {
    expect(mail.subject).toBe("Your chat with Acme Bcc: evil@example.test support");
    expect(mail.kind).toBe("chat_transcript");
    expect(mail.text).toContain("started Mon, 7 Dec 2026, 10:05 (Europe/Paris)");
    expect(mail.text).toContain("[10:06] Ana <Agent>: Hello");
    // Parley's own notes carry no author.
    expect(mail.text).toContain("[10:07] Ana closed the chat");
    expect(mail.text).toContain("[files: <evil>.png]");
  });

  it("should escape every user text in the HTML", () => {
    const html = mail.html ?? "";
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;\nsecond line");
    expect(html).toContain("Agent: Ana &lt;Agent&gt;");
    expect(html).toContain("&lt;evil&gt;.png");
    expect(html).not.toMatch(/<img|<evil>|<Agent>/);
  });

  it("should fall back to UTC for an unknown zone and leave out the agent of a chat nobody took", () => {
    const m = transcriptMail({
      to: "x@example.test",
      siteName: "Acme",
      agentName: null,
      startedAt: at("2026-12-07T09:05:00Z"),
      timeZone: "Not/AZone",
      lines: [],
      site: "s",
    });
    expect(m.text).toContain("(UTC)");
    expect(m.text).not.toContain("Agent:");
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });
});
