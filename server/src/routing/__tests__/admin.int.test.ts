// Console administration (docs/console.md): disabling cuts an agent off at once, and bad settings are refused
// with messages that say what is wrong; only admins may change anything.
import type { AgentCreateInput, ErrorBody, SiteSettingsDto, TeamMemberDto, Weekday } from "@parley/shared";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agentRow,
  autoAccept,
  call,
  callUnchecked,
  collect,
  ok,
  refused,
  type TestServer,
  waitFor,
  waitForAsync,
} from "../../../test/harness.ts";
import { routingFixture } from "../../../test/routing-fixture.ts";
import { AgentSession } from "../../agents/agent-session.model.ts";
import { Conversation } from "../../conversations/conversation.model.ts";
import { Site } from "../../sites/site.model.ts";

const fx = routingFixture();

async function adminOf(site: Parameters<typeof fx.member>[0]) {
  const admin = await fx.member(site, { name: "Ada", role: "admin" });
  // Admins take chats too when online; these tests want them only administering.
  await ok(admin.socket, "presence:set", { status: "away" });
  return admin;
}

describe("disabling an agent", () => {
  it("should cut their socket at once, refuse them afterwards, and put their chat back in the queue", async () => {
    const site = await fx.autoSite();
    const admin = await adminOf(site);
    const ana = await fx.member(site, { name: "Ana", capacity: 1 });
    const anaTakes = autoAccept(ana);
    const v = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(v.id));
    const later = await fx.waiting(site); // queued behind: Ana is full
    const team = collect<TeamMemberDto>(admin.socket, "agent:updated");

    const cut = new Promise<string>((resolve) => ana.socket.once("disconnect", (reason) => resolve(reason)));
    const res = await ok(admin.socket, "agent:update", { agentId: ana.id, disabled: true });
    expect(res.agent).toMatchObject({ id: ana.id, disabled: true, status: "offline", load: 0 });
    // Cut by the server before the admin's ack came back, not at her next event.
    expect(ana.socket.connected).toBe(false);
    expect(await cut).toBe("io server disconnect");
    expect(team.some((m) => m.id === ana.id && m.disabled)).toBe(true);

    // Her session is gone: the old cookie cannot reconnect, and her password no longer signs her in.
    expect(await AgentSession.countDocuments({ agent: ana.agent._id })).toBe(0);
    ana.socket.connect();
    expect((await refused(ana.socket)).data?.code).toBe("UNAUTHENTICATED");
    expect((await fx.t.login(ana.email, ana.password)).status).toBe(401);
    expect(await agentRow(ana.id)).toMatchObject({ disabled: true, status: "offline", load: 0 });

    // Her chat is queued again, in its original place ahead of the later one, and the visitor is told.
    expect(await Conversation.findById(v.id).lean()).toMatchObject({ status: "queued", assignee: null });
    await waitFor(() => v.messages.some((m) => m.body === "Ana is no longer available; the next agent will take over"));
    expect(v.updates.some((u) => u.status === "queued" && u.assigneeName === null)).toBe(true);
    await waitFor(() => v.queue.at(-1)?.position === 1 && later.queue.at(-1)?.position === 2);

    // The next agent to come online gets it first.
    const bo = await fx.member(site, { name: "Bo", capacity: 1 });
    await waitForAsync(async () => (await Conversation.findById(v.id).lean())?.offeredTo?.toHexString() === bo.id);
    expect((await Conversation.findById(later.id).lean())?.offeredTo).toBeNull();
  });

  it("should refuse an admin disabling themselves", async () => {
    const site = await fx.t.createSite();
    const admin = await adminOf(site);
    expect(await call(admin.socket, "agent:update", { agentId: admin.id, disabled: true })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await agentRow(admin.id)).disabled).toBe(false);
  });
});

describe("validating settings", () => {
  let site: Awaited<ReturnType<TestServer["createSite"]>>;
  let admin: Awaited<ReturnType<typeof adminOf>>;
  beforeAll(async () => {
    site = await fx.t.createSite(undefined, undefined, { products: [{ id: "billing", name: "Billing" }] });
    admin = await adminOf(site);
  });

  const hours = (weekly: { day: Weekday; start: string; end: string; endsNextDay?: boolean }[]) => ({
    supportHours: { timeZone: "Europe/Berlin", weekly, closedDates: [], extraOpenings: [] },
  });

  it("should refuse a range that ends before it starts without crossing midnight, and say so", async () => {
    const before = await Site.findById(site._id).lean();
    const res = await call(admin.socket, "site:update", hours([{ day: "mon", start: "17:00", end: "09:00" }]));
    expect(res.ok).toBe(false);
    const error = (res as { error: ErrorBody }).error;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/ends \(09:00\) before it starts \(17:00\)/);
    expect(error.issues).toEqual([
      {
        path: "supportHours.weekly.0.end",
        message: expect.stringMatching(
          /^Range on mon ends \(09:00\) before it starts \(17:00\); mark it as ending the next day/,
        ),
      },
    ]);
    expect((await Site.findById(site._id).lean())?.supportHours).toEqual(before?.supportHours);
  });

  it("should accept the same range marked as crossing midnight, and tell the site's staff", async () => {
    const updates = collect<SiteSettingsDto>(admin.socket, "site:updated");
    const res = await ok(
      admin.socket,
      "site:update",
      hours([{ day: "mon", start: "17:00", end: "09:00", endsNextDay: true }]),
    );
    expect(res.site.supportHours.weekly).toEqual([{ day: "mon", start: "17:00", end: "09:00", endsNextDay: true }]);
    await waitFor(() => updates.length === 1);
    expect(updates[0]?.supportHours.timeZone).toBe("Europe/Berlin");
  });

  it("should refuse overlapping ranges, an unknown time zone and a bad capacity, listing every problem", async () => {
    const overlap = await call(
      admin.socket,
      "site:update",
      hours([
        { day: "fri", start: "20:00", end: "02:00", endsNextDay: true },
        { day: "sat", start: "01:00", end: "05:00" },
      ]),
    );
    expect(overlap).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/overlap/) },
    });

    const zone = await call(admin.socket, "site:update", {
      supportHours: { timeZone: "Mars/Olympus", weekly: [], closedDates: [], extraOpenings: [] },
    });
    expect(zone).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/Mars\/Olympus/) },
    });

    const agent = await call(admin.socket, "agent:create", {
      name: "",
      email: "not-an-email",
      password: "short",
      role: "agent",
      capacity: 51,
      products: ["billing"],
    });
    expect(agent.ok).toBe(false);
    const paths = (agent as { error: ErrorBody }).error.issues?.map((i) => i.path).sort();
    expect(paths).toEqual(["capacity", "email", "name", "password"]);
  });

  it("should create an agent who can sign in, and refuse unknown products and taken emails", async () => {
    const input: AgentCreateInput = {
      name: "Nia New",
      email: "nia@example.test",
      password: "a long enough password",
      role: "agent",
      capacity: 4,
      products: ["billing"],
    };
    expect(await call(admin.socket, "agent:create", { ...input, products: ["shipping"] })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: expect.stringMatching(/Unknown product shipping/) },
    });
    const created = await ok(admin.socket, "agent:create", input);
    expect(created.agent).toMatchObject({ name: "Nia New", capacity: 4, products: ["billing"], status: "offline" });
    expect((await fx.t.login("nia@example.test", input.password)).status).toBe(200);
    expect(await call(admin.socket, "agent:create", input)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("should let only admins change settings, agents and products", async () => {
    const agent = await fx.member(site, { name: "Ana" });
    const lead = await fx.member(site, { name: "Sam", role: "supervisor" });
    const attempts: [string, unknown][] = [
      ["site:update", { assignmentMode: "auto" }],
      ["site:update", hours([{ day: "tue", start: "09:00", end: "17:00" }])],
      ["products:update", { products: [] }],
      ["agent:update", { agentId: agent.id, capacity: 10 }],
      [
        "agent:create",
        { name: "X", email: "x@example.test", password: "0123456789", role: "admin", capacity: 1, products: [] },
      ],
    ];
    for (const who of [agent, lead]) {
      for (const [event, payload] of attempts) {
        expect(await callUnchecked(who.socket, event, payload), `${who.name} ${event}`).toMatchObject({
          ok: false,
          error: { code: "FORBIDDEN" },
        });
      }
    }
    const stored = await Site.findById(site._id).lean();
    expect(stored?.assignmentMode).toBe("manual");
    expect(stored?.products).toEqual([{ id: "billing", name: "Billing" }]);
    expect((await agentRow(agent.id)).capacity).toBe(3);
  });
});

describe("switching a site to manual assignment", () => {
  it("should take back the offers ringing and give their slots back", async () => {
    const site = await fx.autoSite();
    const admin = await adminOf(site);
    const ana = await fx.member(site, { name: "Ana" });
    const v = await fx.waiting(site);
    expect((await Conversation.findById(v.id).lean())?.offeredTo?.toHexString()).toBe(ana.id);

    await ok(admin.socket, "site:update", { assignmentMode: "manual" });
    expect(await Conversation.findById(v.id).lean()).toMatchObject({ status: "queued", offeredTo: null });
    expect((await agentRow(ana.id)).load).toBe(0);
    // From the queue by hand now.
    await ok(ana.socket, "conversation:accept", { conversationId: v.id });
    expect((await agentRow(ana.id)).load).toBe(1);
  });
});

describe("two admins disabling each other at the same moment", () => {
  it("should leave the site with an enabled admin", async () => {
    const site = await fx.t.createSite();
    const ada = await adminOf(site);
    const bea = await adminOf(site);
    // An admin whose own disable won may be cut off before their answer arrives: then they were told nothing.
    const cutOff = { cutOff: true } as const;
    const [byAda, byBea] = await Promise.all([
      call(ada.socket, "agent:update", { agentId: bea.id, disabled: true }).catch(() => cutOff),
      call(bea.socket, "agent:update", { agentId: ada.id, disabled: true }).catch(() => cutOff),
    ]);
    const [adaRow, beaRow] = [await agentRow(ada.id), await agentRow(bea.id)];
    expect([adaRow, beaRow].filter((a) => a.role === "admin" && !a.disabled).length).toBeGreaterThanOrEqual(1);
    const stood = (res: typeof byAda) => "ok" in res && res.ok;
    // Never both; and what each admin was told is what happened: a refused change was undone.
    expect(stood(byAda) && stood(byBea)).toBe(false);
    expect(beaRow.disabled).toBe(stood(byAda));
    expect(adaRow.disabled).toBe(stood(byBea));
    for (const [res, row] of [
      [byAda, adaRow],
      [byBea, beaRow],
    ] as const) {
      if ("cutOff" in res) expect(row.disabled).toBe(true);
      else if (!res.ok) expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(res.error.code);
    }
  });
});
