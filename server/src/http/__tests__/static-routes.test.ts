import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../logging/logger.ts";
import { consoleRoutes, widgetRoutes } from "../static.routes.ts";

// Widget files are served before helmet (whose headers would stop other origins loading them), so they get no
// header from it: each one they need is set by the widget routes themselves.
let dir: string;
let server: Server;
let base: string;
let port: number;

const appJs = Buffer.from("export const greeting = 'hello';\n".repeat(100));
const chunk = Buffer.from("export const tickets = [];\n".repeat(50));
const indexHtml = Buffer.from(`<!doctype html><title>Parley console</title>${"<p>x</p>".repeat(100)}`);

/** Writes a file and, like the build's precompress step, its .br and .gz twins (distinct marker bytes). */
async function writeWithTwins(file: string, bytes: Buffer) {
  await writeFile(file, bytes);
  await writeFile(`${file}.br`, brotliCompressSync(bytes));
  await writeFile(`${file}.gz`, gzipSync(bytes));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "parley-static-"));
  const widget = path.join(dir, "widget");
  const consoleDir = path.join(dir, "console");
  await mkdir(widget, { recursive: true });
  await mkdir(path.join(consoleDir, "assets"), { recursive: true });
  await writeWithTwins(path.join(widget, "widget.js"), Buffer.from("(function(){})();\n".repeat(40)));
  await writeWithTwins(path.join(widget, "app.js"), appJs);
  await writeWithTwins(path.join(widget, "TicketsView-Ab12Cd34.js"), chunk);
  // Too small to be worth compressing: the build writes no twin for it.
  await writeFile(path.join(widget, "tiny-Zz99Yy88.js"), "export {};\n");
  await writeFile(path.join(widget, ".parley-builds.json"), "[]");
  await writeWithTwins(path.join(consoleDir, "index.html"), indexHtml);
  await writeWithTwins(path.join(consoleDir, "assets", "index-Qw12Er34.js"), chunk);
  await writeFile(path.join(dir, "secret.txt"), "outside the served directories");
  const app = express();
  app.use(widgetRoutes(createLogger("silent"), widget));
  app.use(consoleRoutes(createLogger("silent"), consoleDir));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes exactly as sent (fetch would decode them), with the path sent as written (no normalising). */
function raw(urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: urlPath, method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("widget files", () => {
  it.each(["/widget.js", "/widget/TicketsView-Ab12Cd34.js"])(
    "should serve %s as JavaScript that no browser sniffs, loadable from any origin",
    async (file) => {
      const res = await fetch(`${base}${file}`, { headers: { origin: "https://shop.example.test" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    },
  );
});

describe("precompressed files", () => {
  it("should send the brotli bytes to a client that accepts br, typed as what they decode to", async () => {
    const res = await raw("/widget/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.equals(brotliCompressSync(appJs))).toBe(true);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
  });

  it("should send the gzip bytes to a client that accepts gzip only, or refuses br", async () => {
    for (const accept of ["gzip", "br;q=0, gzip", "gzip;q=1, br;q=0.5"]) {
      const res = await raw("/widget/app.js", { "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe("gzip");
      expect(res.body.equals(gzipSync(appJs)), accept).toBe(true);
    }
  });

  it("should send the file itself to a client that accepts no encoding", async () => {
    const cases: Record<string, string>[] = [
      {},
      { "accept-encoding": "identity" },
      { "accept-encoding": "br;q=0, gzip;q=0" },
    ];
    for (const headers of cases) {
      const res = await raw("/widget/app.js", headers);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.equals(appJs)).toBe(true);
    }
  });

  it("should fall back to the file itself when the build wrote no compressed twin", async () => {
    const res = await raw("/widget/tiny-Zz99Yy88.js", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe("export {};\n");
  });

  it("should compress the loader, the console page and its client routes too", async () => {
    for (const url of ["/widget.js", "/console/", "/console/tickets/42", "/console/assets/index-Qw12Er34.js"]) {
      const res = await raw(url, { "accept-encoding": "br" });
      expect(res.status, url).toBe(200);
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers.vary, url).toMatch(/Accept-Encoding/i);
    }
    const page = await raw("/console/tickets/42", { "accept-encoding": "gzip" });
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body.equals(gzipSync(indexHtml))).toBe(true);
  });

  it("should answer HEAD with the headers and length of the chosen encoding and no body", async () => {
    const res = await raw("/widget/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(brotliCompressSync(appJs).length);
    expect(res.body.length).toBe(0);
  });

  it("should answer a Range request with that range of the bytes it would send", async () => {
    const plain = await raw("/widget/app.js", { range: "bytes=0-9" });
    expect(plain.status).toBe(206);
    expect(plain.body.equals(appJs.subarray(0, 10))).toBe(true);
    const br = await raw("/widget/app.js", { range: "bytes=0-9", "accept-encoding": "br" });
    expect(br.status).toBe(206);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(brotliCompressSync(appJs).subarray(0, 10))).toBe(true);
  });

  it("should revalidate with a validator per encoding: 304 for the same, 200 across encodings", async () => {
    const first = await raw("/widget/app.js", { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    expect(first.headers["last-modified"]).toBeDefined();
    const again = await raw("/widget/app.js", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    const gz = await raw("/widget/app.js", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(gz.status).toBe(200);
    expect(gz.headers["content-encoding"]).toBe("gzip");
  });
});

describe("cache headers", () => {
  it.each([
    ["/widget/TicketsView-Ab12Cd34.js", "public, max-age=31536000, immutable"],
    ["/console/assets/index-Qw12Er34.js", "public, max-age=31536000, immutable"],
    ["/widget.js", "public, max-age=300"],
    ["/widget/app.js", "public, max-age=300"],
    ["/console/", "no-cache"],
    ["/console", "no-cache"],
    ["/console/tickets/42", "no-cache"],
  ])("%s should be cached with %s", async (url, cacheControl) => {
    const res = await raw(url, { "accept-encoding": "br" });
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe(cacheControl);
  });
});

describe("what is never served", () => {
  it.each([
    "/widget/..%2fsecret.txt",
    "/widget/%2e%2e/secret.txt",
    "/widget/%2e%2e%2fsecret.txt",
    "/widget/..%5csecret.txt",
    "/widget/app.js%00.png",
    "/widget/%E0%A4%A",
    "/widget/.parley-builds.json",
    "/widget/%2eparley-builds.json",
    "/widget/app.js.br",
    "/widget/app.js.gz",
    "/console/assets/gone-Ab12Cd34.js",
    "/console/assets/..%2f..%2fsecret.txt",
  ])("%s", async (url) => {
    const res = await raw(url, { "accept-encoding": "br, gzip" });
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain("outside the served directories");
    expect(res.body.toString()).not.toContain("Parley console");
  });
});
