// Passwords (docs/deploying.md): changing one's password, resetting it by an emailed link, and an admin's forced reset,
// through the real HTTP routes, sockets and SMTP.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  connected,
  ManualClock,
  ok,
  recordCommands,
  refused,
  type StaffClient,
  sleep,
  TestServer,
  waitFor,
} from "../../../test/harness.ts";
import { type ReceivedMail, smtpSink } from "../../../test/smtp-sink.ts";
import { hashToken } from "../../security/opaque-token.ts";
import { RESET_REQUESTED } from "../password.routes.ts";
import { PasswordReset } from "../password-reset.model.ts";

let t: TestServer;
let sink: Awaited<ReturnType<typeof smtpSink>>;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
const clock = new ManualClock(new Date("2026-03-02T09:00:00.000Z"));
const HOUR = 60 * 60_000;

beforeAll(async () => {
  sink = await smtpSink();
  t = await TestServer.start(undefined, { SMTP_URL: sink.url }, clock.now);
  site = await t.createSite();
});
afterAll(async () => {
  await t.stop();
  await sink.close();
});

interface Answer {
  status: number;
  body: unknown;
}

/**
 * POST a JSON body, from `from` (any of 127/8 is loopback): each test asks from its own address, so the per-address
 * limits of one test do not spill into the next.
 */
function post(path: string, body: unknown, opts: { from: string; cookie?: string | null }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.cookie) headers.cookie = opts.cookie;
    const req = request(new URL(path, t.url), { method: "POST", localAddress: opts.from, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);
const LINK = /(http:\/\/\S+\/console\/reset-password)#token=([A-Za-z0-9_-]+)/;

/** The token of the `nth` reset email (counting from 1) the address received, once it has arrived. */
async function resetToken(address: string, nth = 1): Promise<{ token: string; page: string; mail: ReceivedMail }> {
  await waitFor(() => sink.received.filter(to(address)).length >= nth);
  const mail = sink.received.filter(to(address))[nth - 1] as ReceivedMail;
  const match = LINK.exec(mail.mail.text ?? "");
  if (!match?.[1] || !match[2]) throw new Error(`no reset link in: ${mail.mail.text}`);
  return { page: match[1], token: match[2], mail };
}

const disconnected = (socket: StaffClient) =>
  new Promise<void>((resolve) => {
    if (socket.disconnected) resolve();
    else socket.once("disconnect", () => resolve());
  });

async function me(cookie: string | null): Promise<number> {
  return (await fetch(`${t.url}/api/auth/me`, { headers: { cookie: cookie ?? "" } })).status;
}

describe("reset by an emailed link", () => {
  it("should answer a known and an unknown email alike, email the known one, and reset once", async () => {
    const from = "127.0.0.41";
    const ana = await t.staff(site._id);
    const unknown = "nobody-here@example.test";

    const known = await post("/api/auth/reset-request", { email: ana.email.toUpperCase() }, { from });
    const stranger = await post("/api/auth/reset-request", { email: unknown }, { from });
    expect(known).toEqual({ status: 202, body: { message: RESET_REQUESTED } });
    expect(stranger).toEqual(known);

    const { token, page, mail } = await resetToken(ana.email);
    expect(page).toBe(`${t.url}/console/reset-password`);
    expect(mail.mail.subject).toBe(`Reset your Parley password (${site.name})`);
    expect(mail.mail.text).toContain("within 60 minutes");
    // Stored under its hash only: the token itself is nowhere in the collection.
    const rows = await PasswordReset.find().lean();
    expect(rows.map((r) => r._id)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    await sleep(200);
    expect(sink.received.some(to(unknown))).toBe(false);

    // A socket and a cookie from before the reset.
    const cut = disconnected(ana.socket);
    const recording = recordCommands();
    const reset = await post("/api/auth/reset", { token, password: "a brand new password" }, { from });
    recording.stop();
    expect(reset.status).toBe(204);
    // The link is found by its primary key (one read that also deletes it: single use).
    const lookups = recording.commands.filter((c) => c.collection === "password_resets" && c.name === "findAndModify");
    expect(lookups.map((c) => c.filters)).toEqual([[{ _id: hashToken(token) }]]);
    await cut;
    expect((await refused(t.staffSocket(ana.cookie))).data?.code).toBe("UNAUTHENTICATED");
    expect(await me(ana.cookie)).toBe(401);

    const again = await post("/api/auth/reset", { token, password: "another new password" }, { from });
    expect(again).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    expect((await t.login(ana.email, ana.password)).status).toBe(401);
    expect((await t.login(ana.email, "a brand new password")).status).toBe(200);
    expect((await t.login(ana.email, "another new password")).status).toBe(401);
  });

  it("should refuse an expired link and leave the password as it was", async () => {
    const from = "127.0.0.42";
    const bo = await t.createAgent(site._id);
    await post("/api/auth/reset-request", { email: bo.email }, { from });
    const { token } = await resetToken(bo.email);
    clock.advance(HOUR + 1_000);
    const late = await post("/api/auth/reset", { token, password: "too late for this one" }, { from });
    expect(late).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    expect((await t.login(bo.email, bo.password)).status).toBe(200);
  });

  it("should let a link work until its hour is up, and void the others once one is used", async () => {
    const from = "127.0.0.43";
    const cy = await t.createAgent(site._id);
    await post("/api/auth/reset-request", { email: cy.email }, { from });
    const first = await resetToken(cy.email, 1);
    await post("/api/auth/reset-request", { email: cy.email }, { from });
    const second = await resetToken(cy.email, 2);
    clock.advance(HOUR - 60_000);
    expect(
      (await post("/api/auth/reset", { token: second.token, password: "in the nick of time" }, { from })).status,
    ).toBe(204);
    const older = await post("/api/auth/reset", { token: first.token, password: "the older link" }, { from });
    expect(older.status).toBe(400);
    expect((await t.login(cy.email, "in the nick of time")).status).toBe(200);
  });

  it("should refuse a new password shorter than an admin may set, without using up the link", async () => {
    const from = "127.0.0.44";
    const di = await t.createAgent(site._id);
    await post("/api/auth/reset-request", { email: di.email }, { from });
    const { token } = await resetToken(di.email);
    const short = await post("/api/auth/reset", { token, password: "short" }, { from });
    expect(short).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", issues: [{ path: "password" }] } },
    });
    expect((await post("/api/auth/reset", { token, password: "long enough now" }, { from })).status).toBe(204);
  });

  it("should limit requests per email whether or not it has an account, and per address", async () => {
    const known = await t.createAgent(site._id);
    for (const email of [known.email, "ghost@example.test"]) {
      const answers = [];
      // From several addresses: the email's own limit (5 an hour) is what stops the sixth.
      for (let i = 0; i < 6; i++)
        answers.push(await post("/api/auth/reset-request", { email }, { from: `127.0.1.${i + 1}` }));
      expect(answers.slice(0, 5).map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
      expect(answers[5]).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
    }
    const from = "127.0.0.45";
    const fromOne = [];
    for (let i = 0; i < 21; i++) {
      fromOne.push((await post("/api/auth/reset-request", { email: `someone-${i}@example.test` }, { from })).status);
    }
    expect(fromOne.filter((s) => s === 202)).toHaveLength(20);
    expect(fromOne[20]).toBe(429);
  });

  it("should refuse a malformed email or token as bad input", async () => {
    const from = "127.0.0.46";
    expect((await post("/api/auth/reset-request", { email: "not an email" }, { from })).status).toBe(400);
    expect((await post("/api/auth/reset-request", { email: { $ne: null } }, { from })).status).toBe(400);
    expect(
      (await post("/api/auth/reset", { token: "x".repeat(43), password: "long enough now" }, { from })).status,
    ).toBe(400);
    expect((await post("/api/auth/reset", { token: "bad token!", password: "long enough now" }, { from })).status).toBe(
      400,
    );
  });
});

describe("changing one's own password", () => {
  it("should refuse a wrong current password, then change it, ending every other session but this one", async () => {
    const from = "127.0.0.51";
    const eve = await t.staff(site._id);
    const other = await t.login(eve.email, eve.password);
    const otherSocket = t.staffSocket(other.cookie);
    await connected(otherSocket);

    const wrong = await post(
      "/api/auth/password",
      { currentPassword: "not my password", newPassword: "my new password 1" },
      { from, cookie: eve.cookie },
    );
    expect(wrong).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", issues: [{ path: "currentPassword" }] } },
    });
    expect(otherSocket.connected).toBe(true);

    const cut = disconnected(otherSocket);
    const changed = await post(
      "/api/auth/password",
      { currentPassword: eve.password, newPassword: "my new password 1" },
      { from, cookie: eve.cookie },
    );
    expect(changed.status).toBe(204);
    await cut;
    expect(await me(other.cookie)).toBe(401);
    expect((await refused(t.staffSocket(other.cookie))).data?.code).toBe("UNAUTHENTICATED");
    // The session that made the change carries on, socket and all.
    expect(eve.socket.connected).toBe(true);
    await ok(eve.socket, "inbox:sync", {});
    expect(await me(eve.cookie)).toBe(200);
    expect((await t.login(eve.email, eve.password)).status).toBe(401);
    expect((await t.login(eve.email, "my new password 1")).status).toBe(200);
  });

  it("should count wrong current passwords as failed sign-ins", async () => {
    const from = "127.0.0.52";
    const fay = await t.staff(site._id);
    const change = (currentPassword: string) =>
      post("/api/auth/password", { currentPassword, newPassword: "fay's new password" }, { from, cookie: fay.cookie });
    for (let i = 0; i < 5; i++) expect((await change("a wrong guess")).status).toBe(400);
    // Five from one address on one email: that address waits, even with the right password.
    expect(await change(fay.password)).toMatchObject({ status: 429, body: { error: { code: "RATE_LIMITED" } } });
    expect((await t.login(fay.email, fay.password)).status).toBe(200);
  });

  it("should refuse a change without a session, or to a too short password", async () => {
    const from = "127.0.0.53";
    const gus = await t.staff(site._id);
    const body = { currentPassword: gus.password, newPassword: "a fine new password" };
    expect(await post("/api/auth/password", body, { from })).toMatchObject({
      status: 401,
      body: { error: { code: "UNAUTHENTICATED" } },
    });
    const short = await post(
      "/api/auth/password",
      { currentPassword: gus.password, newPassword: "short" },
      { from, cookie: gus.cookie },
    );
    expect(short).toMatchObject({ status: 400, body: { error: { issues: [{ path: "newPassword" }] } } });
    expect((await t.login(gus.email, gus.password)).status).toBe(200);
  });
});

describe("an admin's forced reset", () => {
  it("should be refused to an agent, and for an admin email the link and cut the agent off", async () => {
    const from = "127.0.0.61";
    const target = await t.staff(site._id, "agent", "Hal Agent");
    const colleague = await t.staff(site._id);
    expect(await call(colleague.socket, "agent:reset-password", { agentId: target.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await sleep(100);
    expect(target.socket.connected).toBe(true);
    expect(sink.received.some(to(target.email))).toBe(false);

    const admin = await t.staff(site._id, "admin", "Ada Admin");
    const cut = disconnected(target.socket);
    const { agent } = await ok(admin.socket, "agent:reset-password", { agentId: target.id });
    expect(agent.id).toBe(target.id);
    await cut;
    expect(await me(target.cookie)).toBe(401);
    expect((await refused(t.staffSocket(target.cookie))).data?.code).toBe("UNAUTHENTICATED");

    const { token, mail } = await resetToken(target.email);
    expect(mail.mail.text).toContain("Ada Admin, an admin, asked you to set a new password");
    // Until the link is used, the old password still signs in: a lost email never locks the agent out.
    expect((await t.login(target.email, target.password)).status).toBe(200);
    expect((await post("/api/auth/reset", { token, password: "hal's own password" }, { from })).status).toBe(204);
    expect((await t.login(target.email, "hal's own password")).status).toBe(200);
    // The admin is untouched.
    await ok(admin.socket, "team:list", {});
  });

  it("should refuse an admin's reset of themselves, of a disabled agent, and of another site's agent", async () => {
    const admin = await t.staff(site._id, "admin");
    expect(await call(admin.socket, "agent:reset-password", { agentId: admin.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const gone = await t.createAgent(site._id);
    await ok(admin.socket, "agent:update", { agentId: gone.agent._id.toHexString(), disabled: true });
    expect(await call(admin.socket, "agent:reset-password", { agentId: gone.agent._id.toHexString() })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const elsewhere = await t.createAgent((await t.createSite())._id);
    expect(
      await call(admin.socket, "agent:reset-password", { agentId: elsewhere.agent._id.toHexString() }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(admin.socket, "agent:reset-password", { agentId: "nope" })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });

  it("should not send a disabled agent's link any more, nor let it be used", async () => {
    const from = "127.0.0.62";
    const admin = await t.staff(site._id, "admin");
    const ivy = await t.createAgent(site._id);
    await post("/api/auth/reset-request", { email: ivy.email }, { from });
    const { token } = await resetToken(ivy.email);
    await ok(admin.socket, "agent:update", { agentId: ivy.agent._id.toHexString(), disabled: true });
    expect((await post("/api/auth/reset", { token, password: "back in through a link" }, { from })).status).toBe(400);
    await post("/api/auth/reset-request", { email: ivy.email }, { from });
    await sleep(300);
    expect(sink.received.filter(to(ivy.email))).toHaveLength(1);
  });
});
