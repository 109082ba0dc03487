import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../logging/logger.ts";
import { widgetRoutes } from "../static.routes.ts";

// Widget files are served before helmet (whose headers would stop other origins loading them), so they get no
// header from it: each one they need is set by the widget routes themselves.
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "parley-widget-"));
  await writeFile(path.join(dir, "widget.js"), "export {};\n");
  await writeFile(path.join(dir, "app-Ab12Cd34.js"), "export {};\n");
  const app = express();
  app.use(widgetRoutes(createLogger("silent"), dir));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("widget files", () => {
  it.each(["/widget.js", "/widget/app-Ab12Cd34.js"])(
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
