import type { TicketActInput, TicketFields } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, callUnchecked, msgId, ok, present, TestServer, waitingVisitor } from "../../../test/harness.ts";
import { Message } from "../../conversations/message.model.ts";

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
});
afterAll(() => t.stop());

const H = 3_600_000;
const fields = (over: Partial<TicketFields> = {}): TicketFields => ({
  subject: "Export fails",
  priority: "critical",
  product: "cloud",
  productVersion: "4.2",
  thirdPartyVersions: "",
  details: "Exports stop at 50%",
  reproductionSteps: "",
  environment: "",
  mostRecentUpdate: "",
  changedSinceLastWorked: "",
  reproducedOnTestSystem: "unknown",
  ...over,
});

async function chatWith(agent: Awaited<ReturnType<TestServer["staff"]>>) {
  const visitor = await waitingVisitor(t, site.key);
  await ok(agent.socket, "conversation:accept", { conversationId: visitor.id });
  await ok(visitor.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "It broke" });
  return visitor;
}

describe("a chat turned into a ticket", () => {
  it("should create a numbered ticket linked to the kept transcript, with SLA targets and what is missing", async () => {
    const ana = await t.staff(site._id, "agent", "Ana");
    const chat = await chatWith(ana);
    const before = await Message.countDocuments({ conversation: chat.id });
    const { ticket } = await ok(ana.socket, "ticket:create", {
      source: { kind: "chat", conversationId: chat.id },
      fields: fields(),
    });
    expect(ticket).toMatchObject({
      number: "T-1001",
      status: "new",
      priority: "critical",
      requester: { name: "Vera Visitor", email: "vera@example.test" },
      conversationId: chat.id,
      assignee: { name: "Ana" },
    });
    expect(ticket.missing.map((m) => m.field)).toEqual(["reproductionSteps", "environment"]);
    // The test site is open around the clock: 8 working hours is 8 hours, 3 working days 72.
    const created = Date.parse(ticket.createdAt);
    expect(Date.parse(ticket.sla.response.dueAt ?? "") - created).toBeGreaterThanOrEqual(8 * H - 1_000);
    expect(Date.parse(ticket.sla.response.dueAt ?? "") - created).toBeLessThanOrEqual(8 * H + 1_000);
    expect(Date.parse(ticket.sla.workaround?.dueAt ?? "") - Date.parse(ticket.sla.response.dueAt ?? "")).toBeCloseTo(
      64 * H,
      -4,
    );
    expect(await Message.countDocuments({ conversation: chat.id })).toBe(before);

    // Converting the same chat again is a retry: the same ticket comes back.
    const again = await ok(ana.socket, "ticket:create", {
      source: { kind: "chat", conversationId: chat.id },
      fields: fields({ subject: "Another try" }),
    });
    expect(again.ticket.id).toBe(ticket.id);
  });

  it("should walk the ticket through its statuses, pausing the SLA while waiting, with a timeline", async () => {
    const bo = await t.staff(site._id, "agent", "Bo");
    const chat = await chatWith(bo);
    const { ticket } = await ok(bo.socket, "ticket:create", {
      source: { kind: "chat", conversationId: chat.id },
      fields: fields({ priority: "high" }),
    });
    const act = (action: TicketActInput["action"]) =>
      ok(bo.socket, "ticket:act", { ticketId: ticket.id, action }).then((r) => r.ticket);

    expect((await act("open")).status).toBe("open");
    const waiting = await act("wait_on_customer");
    expect(waiting).toMatchObject({
      status: "waiting_on_customer",
      sla: { response: { state: "paused", dueAt: null } },
    });
    const workaround = await act("provide_workaround");
    expect(workaround.status).toBe("workaround_provided");
    expect(workaround.sla.workaround?.state).toBe("met");
    // A workaround answers the customer, so it also meets a first response that had not come yet.
    expect(workaround.sla.response.state).toBe("met");
    expect((await act("resolve")).status).toBe("resolved");

    // Staff cannot reopen a resolution; that is the customer's call.
    const refused = await call(bo.socket, "ticket:act", { ticketId: ticket.id, action: "open" });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "A ticket that is resolved cannot be opened" },
    });

    const { timeline } = await ok(bo.socket, "ticket:get", { ticketId: ticket.id });
    expect(timeline.map((e) => [e.actor.name, e.from, e.to])).toEqual([
      ["Bo", null, "new"],
      ["Bo", "new", "open"],
      ["Bo", "open", "waiting_on_customer"],
      ["Bo", "waiting_on_customer", "workaround_provided"],
      ["Bo", "workaround_provided", "resolved"],
    ]);
  });

  it("should turn an offline request into a ticket for its sender", async () => {
    const cy = await t.staff(site._id, "agent", "Cy");
    const visitor = await t.visitor(site.key);
    await ok(visitor.socket, "offline:submit", {
      clientRequestId: msgId(),
      name: "Olga Offline",
      email: "olga@example.test",
      priority: "low",
      details: "Invoice charged twice",
    });
    const { requests } = await ok(cy.socket, "offline:list", {});
    const { ticket } = await ok(cy.socket, "ticket:create", {
      source: { kind: "offline", offlineRequestId: present(requests[0], "the offline request").id },
      fields: fields({ priority: "low", subject: "Invoice charged twice", product: null, productVersion: "" }),
    });
    expect(ticket).toMatchObject({
      requester: { name: "Olga Offline", email: "olga@example.test" },
      conversationId: null,
    });
    expect(ticket.sla.workaround).toBeNull();
    expect(ticket.missing).toEqual([]);
  });

  it("should number tickets created at the same moment each once", async () => {
    const dee = await t.staff(site._id, "agent", "Dee");
    const chats = [];
    for (let i = 0; i < 3; i++) chats.push(await chatWith(dee));
    const created = await Promise.all(
      chats.map((c) =>
        ok(dee.socket, "ticket:create", {
          source: { kind: "chat", conversationId: c.id },
          fields: fields(),
        }),
      ),
    );
    const numbers = created.map((c) => c.ticket.number);
    expect(new Set(numbers).size).toBe(3);
  });

  it("should refuse other sites, other agents' tickets, unknown products and bad input", async () => {
    const eve = await t.staff(site._id, "agent", "Eve");
    const chat = await chatWith(eve);
    const { ticket } = await ok(eve.socket, "ticket:create", {
      source: { kind: "chat", conversationId: chat.id },
      fields: fields(),
    });
    const otherSite = await t.createSite();
    const stranger = await t.staff(otherSite._id, "agent", "Stranger");
    expect(await call(stranger.socket, "ticket:get", { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    const colleague = await t.staff(site._id, "agent", "Fay");
    expect(await call(colleague.socket, "ticket:act", { ticketId: ticket.id, action: "open" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const chat2 = await chatWith(eve);
    const source = { kind: "chat" as const, conversationId: chat2.id };
    expect(await call(eve.socket, "ticket:create", { source, fields: fields({ product: "nope" }) })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    const urgent = { ...fields(), priority: "urgent" };
    expect(await callUnchecked(eve.socket, "ticket:create", { source, fields: urgent })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await callUnchecked(eve.socket, "ticket:get", { ticketId: { $ne: null } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });
});
