import { describe, expect, it } from "vitest";
import { parseRichText, type RichNode, safeHref } from "../rich-text/rich-text.ts";
import { XSS_PAYLOADS } from "../rich-text/xss-payloads.ts";

const ALLOWED = /^(?:https?:\/\/|mailto:)/i;

function walk(nodes: readonly RichNode[], visit: (n: RichNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.type === "strong" || n.type === "em") walk(n.children, visit);
  }
}

/** The body's text as the reader sees it, markers aside: nothing may be lost or added. */
function plain(nodes: readonly RichNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === "br") return "\n";
      if (n.type === "strong" || n.type === "em") return plain(n.children);
      return n.type === "text" || n.type === "code" || n.type === "link" ? n.text : "";
    })
    .join("");
}

const text = (t: string): RichNode => ({ type: "text", text: t });
const link = (href: string): RichNode => ({ type: "link", href, text: href });

describe("parseRichText against the XSS payloads", () => {
  it.each(XSS_PAYLOADS.map((p) => [p]))("%s: no link outside http/https/mailto, no markup", (payload) => {
    const nodes = parseRichText(payload);
    const types = new Set<string>();
    walk(nodes, (n) => {
      types.add(n.type);
      if (n.type === "link") {
        expect(n.href).toMatch(ALLOWED);
        expect(n.href).not.toMatch(/[<>"`\s]/);
      }
    });
    for (const t of types) expect(["text", "br", "code", "link", "strong", "em"]).toContain(t);
    // The angle brackets are still there, as text the UI will show literally.
    if (payload.includes("<script>")) expect(plain(nodes)).toContain("<script>");
  });

  it("leaves dangerous and malformed URLs as text", () => {
    for (const body of [
      "javascript:alert(1)",
      "data:text/html,x",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "http://",
      "https:///x",
      "http://@",
      "mailto:",
      "mailto:nobody",
      "ftp://files.example/x",
    ]) {
      expect(parseRichText(body), body).toEqual([text(body)]);
    }
  });
});

describe("parseRichText links", () => {
  it("links bare http, https and mailto URLs", () => {
    expect(parseRichText("see https://shop.example/a?b=1#c now")).toEqual([
      text("see "),
      link("https://shop.example/a?b=1#c"),
      text(" now"),
    ]);
    expect(parseRichText("HTTP://X.ORG")).toEqual([link("HTTP://X.ORG")]);
    expect(parseRichText("mail mailto:help@shop.example")).toEqual([text("mail "), link("mailto:help@shop.example")]);
  });

  it("leaves trailing punctuation out of the link, keeping balanced parentheses", () => {
    expect(parseRichText("Go to https://x.org/a.")).toEqual([text("Go to "), link("https://x.org/a"), text(".")]);
    expect(parseRichText("(https://x.org/a), ok?")).toEqual([text("("), link("https://x.org/a"), text("), ok?")]);
    expect(parseRichText("https://en.wikipedia.org/wiki/Foo_(bar)!")).toEqual([
      link("https://en.wikipedia.org/wiki/Foo_(bar)"),
      text("!"),
    ]);
    expect(parseRichText('"https://x.org"')).toEqual([text('"'), link("https://x.org"), text('"')]);
  });

  it("does not start a link inside a word", () => {
    expect(parseRichText("xhttps://x.org")).toEqual([text("xhttps://x.org")]);
  });

  it("keeps [text](url) literal, so a message cannot show one address and open another", () => {
    expect(parseRichText("[bank](https://evil.example)")).toEqual([
      text("[bank]("),
      link("https://evil.example"),
      text(")"),
    ]);
  });

  it("safeHref accepts only whole, well-formed URLs", () => {
    expect(safeHref("https://x.org/a")).toBe("https://x.org/a");
    expect(safeHref("https://x.org/a b")).toBeNull();
    expect(safeHref("javascript://x.org/%0aalert(1)")).toBeNull();
    expect(safeHref("https://bank.example@evil.example/")).toBeNull();
    expect(safeHref("https://medium.example/@someone")).toBe("https://medium.example/@someone");
    expect(safeHref("http://[::1]:8080/x")).toBe("http://[::1]:8080/x");
    expect(safeHref("mailto:help@shop.example?subject=Hi")).toBe("mailto:help@shop.example?subject=Hi");
  });
});

describe("parseRichText emphasis, code and lines", () => {
  it("renders bold, italic and code", () => {
    expect(parseRichText("**bold** and *it* and `x`")).toEqual([
      { type: "strong", children: [text("bold")] },
      text(" and "),
      { type: "em", children: [text("it")] },
      text(" and "),
      { type: "code", text: "x" },
    ]);
  });

  it("nests bold and italic, and links inside them", () => {
    expect(parseRichText("**a *b* c**")).toEqual([
      { type: "strong", children: [text("a "), { type: "em", children: [text("b")] }, text(" c")] },
    ]);
    expect(parseRichText("*a **b** c*")).toEqual([
      { type: "em", children: [text("a "), { type: "strong", children: [text("b")] }, text(" c")] },
    ]);
    expect(parseRichText("**see https://x.org**")).toEqual([
      { type: "strong", children: [text("see "), link("https://x.org")] },
    ]);
  });

  it("keeps unclosed and spaced markers literal", () => {
    for (const body of ["**bold", "*it", "a ** b", "2 * 3 * 4", "`code", "**", "*", "``", "** x**"]) {
      expect(plain(parseRichText(body)), body).toBe(body);
      walk(parseRichText(body), (n) => expect(n.type, body).toBe("text"));
    }
  });

  it("keeps asterisks and URLs inside code literal", () => {
    expect(parseRichText("`a*b*c` and `**x**`")).toEqual([
      { type: "code", text: "a*b*c" },
      text(" and "),
      { type: "code", text: "**x**" },
    ]);
    expect(parseRichText("*x `y*z` w*")).toEqual([
      { type: "em", children: [text("x "), { type: "code", text: "y*z" }, text(" w")] },
    ]);
    expect(parseRichText("`https://x.org`")).toEqual([{ type: "code", text: "https://x.org" }]);
  });

  it("turns line breaks into br nodes; markers do not span lines", () => {
    expect(parseRichText("a\nb\r\nc")).toEqual([text("a"), { type: "br" }, text("b"), { type: "br" }, text("c")]);
    expect(parseRichText("**a\nb**")).toEqual([text("**a"), { type: "br" }, text("b**")]);
  });

  it("bounds nesting depth", () => {
    const deep = `${"*".repeat(40)}x${"*".repeat(40)}`;
    expect(plain(parseRichText(deep))).toContain("x");
  });
});
