import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok, TestServer, waitForAsync, waitingVisitor } from "../../../test/harness.ts";
import { WebhookEndpoints } from "../webhook-endpoint.model.ts";

// NODE_ENV=production: endpoints are https only, and no request goes to a private, loopback, link-local or unspecified
// address, whatever the URL names (an address, or a host that resolves to one).
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
const connections: Socket[] = [];
const listener = createServer((socket) => {
  connections.push(socket);
  socket.destroy();
});

beforeAll(async () => {
  t = await TestServer.start(undefined, { NODE_ENV: "production" });
  site = await t.createSite();
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", () => resolve()));
});
afterAll(async () => {
  await t.stop();
  await new Promise((resolve) => listener.close(resolve));
});

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? "OK" : r.error?.code);

describe("webhooks in production", () => {
  it("should refuse an http:// endpoint and one that is, or resolves to, a private address", async () => {
    const adam = await t.staff(site._id, "admin");
    const port = (listener.address() as AddressInfo).port;
    for (const url of [
      `http://hooks.example.test/parley`,
      `https://127.0.0.1:${port}/`,
      `https://[::1]:${port}/`,
      `https://[::ffff:127.0.0.1]:${port}/`,
      `https://[::ffff:a9fe:a9fe]/latest/meta-data`,
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.8/",
      "https://0.0.0.0/",
      `https://localhost:${port}/`,
    ]) {
      const res = await call(adam.socket, "webhook:create", { url, events: ["conversation.started"] });
      expect(code(res), url).toBe("BAD_REQUEST");
    }
    const { endpoints } = await ok(adam.socket, "webhook:list", {});
    expect(endpoints).toEqual([]);
    expect(connections).toHaveLength(0);
  });

  it("should not connect when a stored endpoint's host resolves to a loopback address at delivery time", async () => {
    const adam = await t.staff(site._id, "admin");
    const port = (listener.address() as AddressInfo).port;
    // As if its name pointed elsewhere when it was added: written past the creation check.
    const endpointId = new Types.ObjectId().toHexString();
    const now = new Date();
    await WebhookEndpoints.create({
      _id: site._id.toHexString(),
      version: 1,
      endpoints: [
        {
          _id: endpointId,
          url: `https://localhost:${port}/hooks`,
          description: "",
          events: ["conversation.started"],
          enabled: true,
          secret: "whsec_test",
          secretCreatedAt: now,
          createdAt: now,
        },
      ],
    });
    await waitingVisitor(t, site.key);
    const log = async () => (await ok(adam.socket, "webhook:deliveries", { endpointId })).deliveries;
    await waitForAsync(async () => (await log())[0]?.attempts === 1, 15_000);
    const [delivery] = await log();
    expect(delivery).toMatchObject({ status: "pending", responseStatus: null });
    expect(delivery?.lastError).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
    // An admin's test event is refused the same way.
    const ping = await ok(adam.socket, "webhook:ping", { endpointId });
    expect(ping.delivery.lastError).toMatch(/not a public address/);
    expect(connections).toHaveLength(0);
  });
});
