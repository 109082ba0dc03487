import { request } from "node:http";
import type { Ack, OfflineRequestInput } from "@parley/shared";
import { SOCKET_NAMESPACES } from "@parley/shared/constants";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, connected, msgId, ok, TestServer, type VisitorClient } from "../../../test/harness.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  // The limits keep their own time: with a burst of 60 and a window of 6,000 s, no count refills while a slow
  // machine runs a loop. The other limits' windows (40 s and more) are far longer than their loops too.
  t = await TestServer.start(undefined, { VISITOR_EVENT_RATE: "0.01" });
  site = await t.createSite();
});
afterAll(() => t.stop());

const offlineForm = (clientRequestId = msgId()): OfflineRequestInput => ({
  clientRequestId,
  name: "Sam Spam",
  email: "sam@example.test",
  priority: "low",
  details: "Hello again",
});

describe("visitor rate limits", () => {
  it("should refuse a visitor looping on an event with RATE_LIMITED, and not the next visitor", async () => {
    const { socket } = await t.visitor(site.key);
    const answers = await Promise.all(Array.from({ length: 80 }, () => call(socket, "site:availability", {})));
    const refused = answers.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok);
    // A burst of 60 passes; the rest of the loop is cut off.
    expect(answers.filter((a) => a.ok).length).toBe(60);
    expect(refused.length).toBe(20);
    expect(new Set(refused.map((a) => a.error.code))).toEqual(new Set(["RATE_LIMITED"]));
    expect((await call(socket, "site:availability", {})).ok).toBe(false);
    // Another visitor is not affected by the first one's loop.
    const other = await t.visitor(site.key);
    expect((await call(other.socket, "site:availability", {})).ok).toBe(true);
  });

  it("should take five new offline requests from a visitor, refuse the sixth, and still answer a retry", async () => {
    const { socket } = await t.visitor(site.key);
    const first = offlineForm();
    const { reference } = await ok(socket, "offline:submit", first);
    for (let i = 0; i < 4; i++) await ok(socket, "offline:submit", offlineForm());
    const sixth = await call(socket, "offline:submit", offlineForm());
    expect(sixth).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // A resubmission of a stored request is a retry, not a new request: it gets its reference back.
    expect(await ok(socket, "offline:submit", first)).toEqual({ reference });
  });

  it("should cut off an address minting visitor sessions in a loop with 429, and not another address", async () => {
    // Addresses of their own (all of 127/8 is loopback), so the earlier tests' sessions do not count here.
    const statuses: number[] = [];
    for (let i = 0; i < 260; i++) {
      const res = await newSession("127.0.0.2");
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 201).length).toBe(200);
    expect((await newSession("127.0.0.3")).status).toBe(201);
  });

  it("should cap a site's new sessions at 1,000 in 40 seconds, however many addresses ask", async () => {
    const busy = await t.createSite();
    // Five addresses, each just inside its own 200: only the site's ceiling can refuse the next one.
    const minted = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        let ok = 0;
        for (let i = 0; i < 200; i++) if ((await newSession(`127.0.1.${n}`, busy.key)).status === 201) ok++;
        return ok;
      }),
    );
    expect(minted).toEqual([200, 200, 200, 200, 200]);
    const over = await newSession("127.0.1.6", busy.key);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // Another site, from the same new address, is not affected.
    const quiet = await t.createSite();
    expect((await newSession("127.0.1.6", quiet.key)).status).toBe(201);
  });

  it("should give fresh tokens from one address no more events together than the address's budget", async () => {
    // Ten times one visitor's burst (600 of 60 each): twelve fresh tokens would otherwise get 720 events through.
    const sockets = await Promise.all(Array.from({ length: 12 }, () => visitorFrom("127.0.0.4")));
    const answers = await Promise.all(
      sockets.flatMap((socket) => Array.from({ length: 60 }, () => call(socket, "site:availability", {}))),
    );
    expect(answers.filter((a) => a.ok).length).toBe(600);
    expect(
      new Set(answers.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok).map((a) => a.error.code)),
    ).toEqual(new Set(["RATE_LIMITED"]));
    // A visitor behind another address is not affected.
    expect((await call(await visitorFrom("127.0.0.5"), "site:availability", {})).ok).toBe(true);
  });

  it("should not block an office: forty visitors behind one address, ten events each", async () => {
    const sockets = await Promise.all(Array.from({ length: 40 }, () => visitorFrom("127.0.0.6")));
    const answers = await Promise.all(
      sockets.flatMap((socket) => Array.from({ length: 10 }, () => call(socket, "site:availability", {}))),
    );
    expect(answers.filter((a) => a.ok).length).toBe(400);
  });
});

/** POST /api/widget/session from `localAddress`, the client address the server limits by. */
function newSession(localAddress: string, siteKey = site.key): Promise<{ status: number; body: unknown }> {
  const url = new URL("/api/widget/session", t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ siteKey }));
  });
}

const opened: VisitorClient[] = [];
afterAll(() => {
  for (const socket of opened.splice(0)) socket.disconnect();
});

/** A visitor with a fresh token whose socket connects from `localAddress`. */
async function visitorFrom(localAddress: string): Promise<VisitorClient> {
  const visitorToken = await t.visitorToken(site.key);
  // engine.io-client hands localAddress to the WebSocket it opens in Node; its types do not list it.
  const options = {
    auth: { siteKey: site.key, visitorToken },
    transports: ["websocket"],
    forceNew: true,
    localAddress,
  };
  const socket: VisitorClient = io(`${t.url}${SOCKET_NAMESPACES.visitor}`, options);
  opened.push(socket);
  await connected(socket);
  return socket;
}
