import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { msgId, ok, TestServer, waitingVisitor } from "../../../test/harness.ts";

const TOKEN = "metrics-token-for-the-test-0123";
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
beforeAll(async () => {
  t = await TestServer.start(undefined, { METRICS_TOKEN: TOKEN });
  site = await t.createSite();
});
afterAll(() => t.stop());

/** Prometheus text: `name{labels} value` lines, with # HELP/# TYPE comments; parsed strictly enough to fail on junk. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    samples.set(m[1] as string, Number(m[2]));
  }
  return samples;
}

const scrape = async () => {
  const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
};

describe("/metrics", () => {
  it("should refuse a scrape without the token", async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });

  it("should parse as Prometheus text and count commands, acks, connections, the queue and database calls", async () => {
    const before = await scrape();
    const sent = `parley_commands_total{namespace="visitor",command="message:send",outcome="ok"}`;
    await t.staff(site._id); // a chat starts only with someone online
    const vera = await waitingVisitor(t, site.key);
    for (let i = 0; i < 3; i++) {
      await ok(vera.socket, "message:send", { conversationId: vera.id, clientMsgId: msgId(), body: `m${i}` });
    }
    const after = await scrape();
    expect((after.get(sent) ?? 0) - (before.get(sent) ?? 0)).toBe(3);
    // The start and the three sends.
    expect(after.get(`parley_ack_seconds_count{namespace="visitor"}`)).toBeGreaterThanOrEqual(4);
    expect(after.get(`parley_connections{namespace="visitor"}`)).toBeGreaterThanOrEqual(1);
    expect(after.get(`parley_queue_chats{state="waiting"}`)).toBeGreaterThanOrEqual(1);
    expect(after.get(`parley_db_command_seconds_count{command="insert",outcome="ok"}`)).toBeGreaterThan(0);
    expect(after.get("parley_node_process_cpu_seconds_total")).toBeGreaterThan(0);
  });

  it("should tag API responses with a correlation id, keeping a sane one the caller sent", async () => {
    const mine = await fetch(`${t.url}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "lb-req-42" },
      body: JSON.stringify({ siteKey: site.key }),
    });
    expect(mine.headers.get("x-request-id")).toBe("lb-req-42");
    const fresh = await fetch(`${t.url}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad id with spaces" },
      body: JSON.stringify({ siteKey: site.key }),
    });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
