import {
  type Ack,
  type CannedResponseDto,
  type CannedSaveInput,
  MAX_MESSAGE_LENGTH,
  MAX_PERSONAL_CANNED_RESPONSES,
  MAX_SITE_CANNED_RESPONSES,
} from "@parley/shared";
import type { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  callUnchecked,
  collect,
  ok,
  present,
  type StaffClient,
  type StaffMember,
  staffMember,
  TestServer,
  waitFor,
  waitingVisitor,
} from "../../../test/harness.ts";
import { chatTicket } from "../../../test/tickets-harness.ts";
import { CannedResponse, shortcutKeyOf } from "../canned-response.model.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let otherSite: Awaited<ReturnType<TestServer["createSite"]>>;
let admin: StaffMember;
let ana: StaffMember;
let ben: StaffMember;
let outsider: StaffMember;

const reply = (over: Partial<CannedSaveInput> = {}): CannedSaveInput => ({
  scope: "personal",
  shortcut: "hello",
  title: "Greeting",
  body: "Hi {visitor.name}, I'm {agent.name}.",
  ...over,
});

const save = (socket: StaffClient, input: CannedSaveInput) => ok(socket, "canned:save", input);
const list = async (socket: StaffClient) => (await ok(socket, "canned:list", {})).responses;
const issuePaths = (res: Ack<unknown>) => (res.ok ? [] : [...new Set((res.error.issues ?? []).map((i) => i.path))]);

/**
 * Events from one server to one socket arrive in the order they were sent, so once a later site-wide change has
 * reached everyone, an earlier event that was meant for some socket has reached it too: what is missing was not sent.
 */
async function barrier(...sockets: StaffClient[]): Promise<void> {
  const seen = sockets.map((s) => collect<CannedResponseDto>(s, "canned:updated"));
  const { response } = await save(admin.socket, reply({ scope: "site", shortcut: `barrier-${Date.now()}` }));
  await waitFor(() => seen.every((events) => events.some((e) => e.id === response.id)));
  await ok(admin.socket, "canned:delete", { id: response.id });
}

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
  otherSite = await t.createSite();
  admin = await t.staff(site._id, "admin", "Ada Admin");
  ana = await staffMember(t, site._id, { name: "Ana Agent", capacity: 20 });
  ben = await staffMember(t, site._id, { name: "Ben Agent", capacity: 20 });
  outsider = await t.staff(otherSite._id, "admin", "Olga Outsider");
});
afterAll(() => t.stop());

describe("canned responses", () => {
  it("should let admins create, edit and delete site-wide replies, and tell the site's staff only", async () => {
    const anaSaw = collect<CannedResponseDto>(ana.socket, "canned:updated");
    const anaDeleted = collect<{ id: string }>(ana.socket, "canned:deleted");
    const outsiderSaw = collect<CannedResponseDto>(outsider.socket, "canned:updated");

    const { response: created } = await save(
      admin.socket,
      reply({ scope: "site", shortcut: "Refund", title: "Refunds" }),
    );
    expect(created).toMatchObject({ scope: "site", shortcut: "refund", title: "Refunds", useCount: 0 });
    await waitFor(() => anaSaw.some((r) => r.id === created.id));
    expect((await list(ben.socket)).map((r) => r.id)).toContain(created.id);

    const { response: edited } = await save(admin.socket, {
      ...reply({ scope: "site", shortcut: "refund", title: "Refund policy" }),
      id: created.id,
    });
    expect(edited).toMatchObject({ id: created.id, title: "Refund policy" });
    await waitFor(() => anaSaw.some((r) => r.id === created.id && r.title === "Refund policy"));

    expect(await ok(admin.socket, "canned:delete", { id: created.id })).toEqual({ id: created.id });
    await waitFor(() => anaDeleted.some((d) => d.id === created.id));
    expect((await list(ana.socket)).map((r) => r.id)).not.toContain(created.id);
    expect(await call(admin.socket, "canned:delete", { id: created.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    await barrier(ana.socket);
    expect(outsiderSaw).toEqual([]);
  });

  it("should refuse site-wide changes to agents, while they use site-wide replies", async () => {
    const { response: site1 } = await save(admin.socket, reply({ scope: "site", shortcut: "thanks" }));
    const forbidden = { ok: false, error: { code: "FORBIDDEN" } };
    expect(await call(ana.socket, "canned:save", reply({ scope: "site", shortcut: "mine" }))).toMatchObject(forbidden);
    expect(await call(ana.socket, "canned:save", { ...reply({ scope: "site" }), id: site1.id })).toMatchObject(
      forbidden,
    );
    expect(await call(ana.socket, "canned:delete", { id: site1.id })).toMatchObject(forbidden);
    // Supervisors lead the floor, not the site's settings: the same as agents here.
    const sue = await t.staff(site._id, "supervisor", "Sue Supervisor");
    expect(await call(sue.socket, "canned:save", { ...reply({ scope: "site" }), id: site1.id })).toMatchObject(
      forbidden,
    );
    expect((await CannedResponse.findById(site1.id).lean())?.title).toBe("Greeting");
  });

  it("should keep personal replies to their owner: listed, told and changed by them alone", async () => {
    const anaSaw = collect<CannedResponseDto>(ana.socket, "canned:updated");
    const benSaw = collect<CannedResponseDto>(ben.socket, "canned:updated");
    const adminSaw = collect<CannedResponseDto>(admin.socket, "canned:updated");
    const benDeleted = collect<{ id: string }>(ben.socket, "canned:deleted");

    const { response: mine } = await save(ana.socket, reply({ shortcut: "bye", title: "Goodbye" }));
    expect(mine).toMatchObject({ scope: "personal", shortcut: "bye" });
    await waitFor(() => anaSaw.some((r) => r.id === mine.id));
    // The same shortcut is free in another list: Ben's own, and the site's.
    await save(ben.socket, reply({ shortcut: "bye", title: "Ben's goodbye" }));
    await save(admin.socket, reply({ scope: "site", shortcut: "bye", title: "Site goodbye" }));

    expect((await list(ana.socket)).filter((r) => r.shortcut === "bye").map((r) => r.title)).toEqual(
      expect.arrayContaining(["Goodbye", "Site goodbye"]),
    );
    expect((await list(ana.socket)).some((r) => r.title === "Ben's goodbye")).toBe(false);
    expect((await list(ben.socket)).some((r) => r.id === mine.id)).toBe(false);
    // Not even an admin sees or touches a colleague's personal reply; it is "not found", as if it did not exist.
    expect((await list(admin.socket)).some((r) => r.id === mine.id)).toBe(false);
    const notFound = { ok: false, error: { code: "NOT_FOUND" } };
    for (const other of [ben.socket, admin.socket, outsider.socket]) {
      expect(await call(other, "canned:save", { ...reply({ shortcut: "bye" }), id: mine.id })).toMatchObject(notFound);
      expect(await call(other, "canned:delete", { id: mine.id })).toMatchObject(notFound);
    }

    // Nor used by a colleague, even in a chat of their own; their own reply works there.
    const bensChat = await waitingVisitor(t, site.key);
    await ok(ben.socket, "conversation:accept", { conversationId: bensChat.id });
    expect(await call(ben.socket, "canned:use", { id: mine.id, conversationId: bensChat.id })).toMatchObject(notFound);
    const bens = (await list(ben.socket)).find((r) => r.title === "Ben's goodbye");
    expect(
      await call(ben.socket, "canned:use", { id: present(bens, "Ben's own reply").id, conversationId: bensChat.id }),
    ).toMatchObject({
      ok: true,
      data: { text: "Hi Vera Visitor, I'm Ben Agent." },
    });

    const { response: edited } = await save(ana.socket, { ...reply({ shortcut: "ciao", title: "Ciao" }), id: mine.id });
    expect(edited).toMatchObject({ id: mine.id, shortcut: "ciao", title: "Ciao" });
    await ok(ana.socket, "canned:delete", { id: mine.id });

    await barrier(ana.socket, ben.socket, admin.socket);
    expect(benSaw.some((r) => r.id === mine.id)).toBe(false);
    expect(adminSaw.some((r) => r.id === mine.id)).toBe(false);
    expect(benDeleted.some((d) => d.id === mine.id)).toBe(false);
  });

  it("should not let another site list, use, edit or delete this site's replies", async () => {
    const { response: siteWide } = await save(admin.socket, reply({ scope: "site", shortcut: "welcome" }));
    const visitor = await waitingVisitor(t, otherSite.key);
    await ok(outsider.socket, "conversation:accept", { conversationId: visitor.id });
    expect((await list(outsider.socket)).some((r) => r.id === siteWide.id)).toBe(false);
    const notFound = { ok: false, error: { code: "NOT_FOUND" } };
    expect(await call(outsider.socket, "canned:use", { id: siteWide.id, conversationId: visitor.id })).toMatchObject(
      notFound,
    );
    expect(await call(outsider.socket, "canned:save", { ...reply({ scope: "site" }), id: siteWide.id })).toMatchObject(
      notFound,
    );
    expect(await call(outsider.socket, "canned:delete", { id: siteWide.id })).toMatchObject(notFound);
    // Nor use this site's reply in this site's chat from outside, nor their own reply in this site's chat.
    const { response: theirs } = await save(outsider.socket, reply({ shortcut: "theirs" }));
    const here = await waitingVisitor(t, site.key);
    await ok(ana.socket, "conversation:accept", { conversationId: here.id });
    expect(await call(outsider.socket, "canned:use", { id: theirs.id, conversationId: here.id })).toMatchObject(
      notFound,
    );
  });

  it("should fill placeholders from the chat, count each use, and fill the ticket number once there is a ticket", async () => {
    const { response } = await save(admin.socket, {
      scope: "site",
      shortcut: "ticket",
      title: "Ticket made",
      body: "Hi {visitor.name} ({visitor.email}), {agent.name} here. Ticket: {ticket.number}. {order.id} stays.",
    });
    const visitor = await waitingVisitor(t, site.key, { name: "Vera Visitor", email: "vera@example.test" });
    await ok(ana.socket, "conversation:accept", { conversationId: visitor.id });
    const before = await ok(ana.socket, "canned:use", { id: response.id, conversationId: visitor.id });
    expect(before).toMatchObject({
      text: "Hi Vera Visitor (vera@example.test), Ana Agent here. Ticket: {ticket.number}. {order.id} stays.",
      unfilled: ["ticket.number"],
      response: { id: response.id, useCount: 1 },
    });
    expect(before.response.updatedAt).toBe(response.updatedAt);

    // Ana's chat with a ticket made from it.
    const { visitor: ticketed, ticket } = await chatTicket(t, site.key, ana, { email: "hank@example.test" });
    const after = await ok(ana.socket, "canned:use", { id: response.id, conversationId: ticketed.id });
    expect(ticket.number).toMatch(/^T-\d+$/);
    expect(after.text).toBe(
      `Hi Vera Visitor (hank@example.test), Ana Agent here. Ticket: ${ticket.number}. {order.id} stays.`,
    );
    expect(after.unfilled).toEqual([]);
    expect(after.response.useCount).toBe(2);
    expect((await CannedResponse.findById(response.id).lean())?.useCount).toBe(2);

    // No email given: left as typed, and said so.
    const anonymous = await waitingVisitor(t, site.key, { email: undefined, name: "Nia" });
    await ok(ben.socket, "conversation:accept", { conversationId: anonymous.id });
    const noEmail = await ok(ben.socket, "canned:use", { id: response.id, conversationId: anonymous.id });
    expect(noEmail.text).toMatch(/^Hi Nia \(\{visitor\.email\}\), Ben Agent here\./);
    expect(noEmail.unfilled).toEqual(["visitor.email", "ticket.number"]);

    // Only into a chat the caller may reply in, and nothing is counted for a refusal.
    expect(await call(ben.socket, "canned:use", { id: response.id, conversationId: visitor.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect((await CannedResponse.findById(response.id).lean())?.useCount).toBe(3);
  });

  it("should refuse bad input with field errors, and operator objects before they reach a query", async () => {
    const bad = async (input: unknown, event = "canned:save", socket = ana.socket) => {
      const res = await callUnchecked(socket, event, input);
      expect(res).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      return issuePaths(res);
    };
    expect(await bad(reply({ title: "  ", shortcut: "" }))).toEqual(["shortcut", "title"]);
    expect(await bad(reply({ body: "x".repeat(MAX_MESSAGE_LENGTH + 1) }))).toEqual(["body"]);
    expect(await bad(reply({ body: "   " }))).toEqual(["body"]);
    expect(await bad(reply({ shortcut: "two words" }))).toEqual(["shortcut"]);
    expect(await bad({ ...reply(), scope: "team" })).toEqual(["scope"]);
    expect(await bad({ ...reply(), id: { $ne: 1 } })).toEqual(["id"]);
    expect(await bad({ ...reply(), shortcut: { $ne: 1 } })).toEqual(["shortcut"]);
    expect(await bad({ ...reply(), title: { $gt: "" } })).toEqual(["title"]);
    expect(await bad({ ...reply(), owner: "someone" })).toEqual([""]);
    expect(await bad({ id: "not-an-id" }, "canned:delete")).toEqual(["id"]);
    expect(await bad({ id: { $ne: 1 } }, "canned:delete")).toEqual(["id"]);
    expect(await bad({ id: "0".repeat(24), conversationId: { $ne: 1 } }, "canned:use")).toEqual(["conversationId"]);
    expect(await bad({ extra: 1 }, "canned:list")).toEqual([""]);
    expect(await call(ana.socket, "canned:delete", { id: "0".repeat(24) })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });

    // What only the server can know: a shortcut taken in the same list, and a scope that cannot change.
    const { response } = await save(ana.socket, reply({ shortcut: "dupe" }));
    expect(await bad(reply({ shortcut: "DUPE" }))).toEqual(["shortcut"]);
    const { response: other } = await save(ana.socket, reply({ shortcut: "other" }));
    expect(await bad({ ...reply({ shortcut: "dupe" }), id: other.id })).toEqual(["shortcut"]);
    expect(await bad({ ...reply({ scope: "site", shortcut: "dupe" }), id: response.id })).toEqual(["scope"]);
  });

  it("should refuse a reply beyond the limits, per person and per site, with CONFLICT", async () => {
    const fill = async (owner: Types.ObjectId | null, n: number, prefix: string) => {
      const existing = await CannedResponse.countDocuments({ site: site._id, owner });
      await CannedResponse.insertMany(
        Array.from({ length: n - existing }, (_, i) => ({
          site: site._id,
          owner,
          shortcut: `${prefix}${i}`,
          shortcutKey: shortcutKeyOf(site._id, owner, `${prefix}${i}`),
          title: "Filler",
          body: "Filler",
        })),
      );
    };
    await fill(ben.agent._id, MAX_PERSONAL_CANNED_RESPONSES, "ben");
    expect(await call(ben.socket, "canned:save", reply({ shortcut: "onemore" }))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    // Ana's list is her own: Ben's full list does not stop her.
    await save(ana.socket, reply({ shortcut: "stillroom" }));

    await fill(null, MAX_SITE_CANNED_RESPONSES, "site");
    expect(await call(admin.socket, "canned:save", reply({ scope: "site", shortcut: "onemore" }))).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    // Editing within a full list is fine.
    const [first] = (await list(admin.socket)).filter((r) => r.scope === "site");
    if (!first) throw new Error("no site-wide reply");
    await save(admin.socket, {
      scope: "site",
      shortcut: first.shortcut,
      title: "Edited",
      body: first.body,
      id: first.id,
    });
  });
});
