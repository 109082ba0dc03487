import { describe, expect, it } from "vitest";
import { extensionOf, sniffAttachment, TEXT_CONTENT_TYPE } from "../content-sniff.ts";

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF");
const GIF = bytes("GIF89a", [1, 0, 1, 0]);
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const EMPTY_ZIP = bytes([0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0));
const EXE = bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]);

describe("sniffAttachment", () => {
  it.each([
    ["shot.png", PNG, "image/png"],
    ["photo.JPG", JPEG, "image/jpeg"],
    ["photo.jpeg", JPEG, "image/jpeg"],
    ["anim.gif", GIF, "image/gif"],
    ["pic.webp", WEBP, "image/webp"],
    ["manual.pdf", PDF, "application/pdf"],
    ["logs.zip", ZIP, "application/zip"],
    ["empty.zip", EMPTY_ZIP, "application/zip"],
  ])("should accept %s by its signature", (name, content, type) => {
    expect(sniffAttachment(content, name)).toEqual({ ok: true, contentType: type });
  });

  it.each(["server.log", "notes.txt", "data.json", "rows.csv", "feed.xml", "README.md", "c.yaml", "c.yml"])(
    "should accept UTF-8 text named %s as text/plain",
    (name) => {
      const text = new TextEncoder().encode("2026-03-01T10:00:00Z \x1b[31mERROR\x1b[0m naïve café ✓\r\n\tat x\n");
      expect(sniffAttachment(text, name)).toEqual({ ok: true, contentType: TEXT_CONTENT_TYPE });
    },
  );

  it("should accept an HTML page named .txt as plain text (served as an attachment with nosniff)", () => {
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    expect(sniffAttachment(html, "page.txt")).toEqual({ ok: true, contentType: TEXT_CONTENT_TYPE });
  });

  it.each([
    ["an executable named .png", EXE, "setup.png"],
    ["an HTML page named .png", new TextEncoder().encode("<html><script>alert(1)</script>"), "x.png"],
    ["a PNG named .pdf", PNG, "report.pdf"],
    ["a PNG named .txt", PNG, "notes.txt"],
    ["a JPEG named .png", JPEG, "shot.png"],
    ["a zip named .log", ZIP, "server.log"],
    ["text with a NUL byte", bytes("abc\0def"), "x.log"],
    ["text that is not UTF-8", bytes("caf\xe9"), "x.txt"],
    ["a RIFF that is not WebP", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "), "x.webp"],
  ])("should refuse %s as a content mismatch", (_what, content, name) => {
    expect(sniffAttachment(content, name)).toEqual({ ok: false, reason: "content_mismatch" });
  });

  it.each([
    ["an .exe", EXE, "setup.exe"],
    ["an .html file", new TextEncoder().encode("<html></html>"), "page.html"],
    ["an .svg image", new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"), "logo.svg"],
    ["a PNG without an extension", PNG, "screenshot"],
    ["a dotfile", new TextEncoder().encode("x"), ".txt"],
  ])("should refuse %s as an unknown type", (_what, content, name) => {
    expect(sniffAttachment(content, name)).toEqual({ ok: false, reason: "unknown_extension" });
  });
});

describe("extensionOf", () => {
  it("should lower-case the last extension and ignore leading dots", () => {
    expect(extensionOf("archive.tar.ZIP")).toBe("zip");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("trailing.")).toBe("");
  });
});
