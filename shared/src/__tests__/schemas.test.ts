import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH } from "../constants.ts";
import { agentEventSchemas, visitorEventSchemas } from "../events.ts";
import { AgentCreateInput, ProductsUpdateInput } from "../schemas/admin.ts";
import { LoginRequest } from "../schemas/agent.ts";
import { CustomerSaveInput } from "../schemas/customers.ts";
import { MessageSendInput } from "../schemas/message.ts";
import { OfflineRequestInput } from "../schemas/offline.ts";
import { ClientMsgId, ObjectIdString } from "../schemas/primitives.ts";
import { TransferInput } from "../schemas/routing.ts";
import { SlaPlan, STANDARD_SLA_PLAN, TicketSettings } from "../schemas/sla.ts";
import { TicketEscalateInput, TicketListInput } from "../schemas/tickets.ts";
import { ConversationStartInput } from "../schemas/visitor.ts";

const id = "0123456789abcdef01234567";
const environment = { url: "https://a.test/", referrer: "", userAgent: "ua", language: "en", timeZone: "UTC" };

describe("shared schemas", () => {
  it("should accept a well-formed message and trim its body", () => {
    expect(MessageSendInput.parse({ conversationId: id, clientMsgId: "abcdefgh", body: "  hi  " })).toEqual({
      conversationId: id,
      clientMsgId: "abcdefgh",
      body: "hi",
    });
  });

  it("should refuse operator objects where ids are due", () => {
    expect(ObjectIdString.safeParse({ $ne: null }).success).toBe(false);
    expect(ObjectIdString.safeParse("0123456789ABCDEF01234567").success).toBe(false);
    expect(
      MessageSendInput.safeParse({ conversationId: { $gt: "" }, clientMsgId: "abcdefgh", body: "x" }).success,
    ).toBe(false);
  });

  it("should refuse unknown fields", () => {
    const r = MessageSendInput.safeParse({ conversationId: id, clientMsgId: "abcdefgh", body: "x", seq: 1 });
    expect(r.success).toBe(false);
  });

  it("should bound the message body at the limit", () => {
    const base = { conversationId: id, clientMsgId: "abcdefgh" };
    expect(MessageSendInput.safeParse({ ...base, body: "a".repeat(MAX_MESSAGE_LENGTH) }).success).toBe(true);
    expect(MessageSendInput.safeParse({ ...base, body: "a".repeat(MAX_MESSAGE_LENGTH + 1) }).success).toBe(false);
    expect(MessageSendInput.safeParse({ ...base, body: "   " }).success).toBe(false);
  });

  it("should restrict client message ids to a safe alphabet", () => {
    expect(ClientMsgId.safeParse("3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b").success).toBe(true);
    for (const bad of ["short", "has space in it", "$where-12345", "a".repeat(65)]) {
      expect(ClientMsgId.safeParse(bad).success).toBe(false);
    }
  });

  it("should make email optional but valid when given, and lowercase it", () => {
    const base = { clientMsgId: "abcdefgh", name: "Vera", body: "hi", environment };
    expect(ConversationStartInput.parse(base).email).toBeUndefined();
    expect(ConversationStartInput.parse({ ...base, email: "Vera@Example.TEST" }).email).toBe("vera@example.test");
    expect(ConversationStartInput.safeParse({ ...base, email: "not-an-email" }).success).toBe(false);
    expect(ConversationStartInput.safeParse({ ...base, name: "" }).success).toBe(false);
  });

  it("should not trim passwords", () => {
    expect(LoginRequest.parse({ email: " A@B.test ", password: " pw " })).toEqual({
      email: "a@b.test",
      password: " pw ",
    });
  });

  it("should have a schema for every client event", () => {
    expect(Object.keys(visitorEventSchemas).sort()).toEqual([
      "conversation:rate",
      "conversation:read",
      "conversation:start",
      "conversation:sync",
      "conversation:transcript",
      "manual:opened",
      "manual:suggest",
      "meeting:accept",
      "meeting:list",
      "message:send",
      "offline:submit",
      "site:availability",
      "ticket:get",
      "ticket:list",
      "ticket:reply",
      "ticket:respond",
      "typing:set",
    ]);
    // 41, and api-key:list/create/revoke, meeting:list, meeting:propose, manuals:list, manuals:save and the
    // 8 webhook commands.
    expect(Object.keys(agentEventSchemas)).toHaveLength(48 + 8);
  });
});

describe("ticket, customer and plan inputs", () => {
  it("should take list filters as plain values only", () => {
    expect(TicketListInput.safeParse({ q: "T-1001", sla: "breached", assignee: "me" }).success).toBe(true);
    expect(TicketListInput.safeParse({ q: { $ne: "" } }).success).toBe(false);
    expect(TicketListInput.safeParse({ status: ["open", "archived"] }).success).toBe(false);
    expect(TicketListInput.safeParse({ assignee: "someone" }).success).toBe(false);
  });

  it("should want a reason and something that looks like a phone number to escalate", () => {
    const id = "a".repeat(24);
    expect(TicketEscalateInput.safeParse({ ticketId: id, reason: "Down", phone: "+44 (20) 7946-0000" }).success).toBe(
      true,
    );
    expect(TicketEscalateInput.safeParse({ ticketId: id, reason: "Down", phone: "call me" }).success).toBe(false);
    expect(TicketEscalateInput.safeParse({ ticketId: id, reason: " ", phone: "+4420" }).success).toBe(false);
  });

  it("should refuse impossible release dates and lowercase contact emails", () => {
    const customer = {
      name: "Globex",
      contacts: [{ name: "Hank", email: "Hank@Globex.TEST" }],
      products: [{ product: "cloud", finalRelease: "2026-03-01", paidSupportUntil: null }],
      slaPlanId: "standard",
    };
    expect(CustomerSaveInput.parse(customer).contacts[0]?.email).toBe("hank@globex.test");
    const bad = { ...customer, products: [{ product: "cloud", finalRelease: "2026-02-30", paidSupportUntil: null }] };
    expect(CustomerSaveInput.safeParse(bad).success).toBe(false);
  });

  it("should keep the standard plan built in and plan ids unique", () => {
    const plan = { ...STANDARD_SLA_PLAN, id: "gold", name: "Gold" };
    const settings = { slaPlans: [plan], autoCloseWorkingDays: 5, refuseUnentitled: false };
    expect(TicketSettings.safeParse(settings).success).toBe(true);
    expect(TicketSettings.safeParse({ ...settings, slaPlans: [STANDARD_SLA_PLAN] }).success).toBe(false);
    expect(TicketSettings.safeParse({ ...settings, slaPlans: [plan, plan] }).success).toBe(false);
    expect(TicketSettings.safeParse({ ...settings, autoCloseWorkingDays: 0 }).success).toBe(false);
  });
});

describe("routing and admin inputs", () => {
  it("should refuse two products with the same id or the same name", () => {
    const twice = ProductsUpdateInput.safeParse({
      products: [
        { id: "cloud", name: "Acme Cloud" },
        { id: "cloud", name: "Other" },
        { id: "edge", name: "acme cloud" },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((i) => i.message)).toEqual([
      "product id cloud is used twice",
      "product name acme cloud is used twice",
    ]);
  });

  it("should refuse a product id that could smuggle an operator or a path", () => {
    for (const id of ["$ne", "../x", "Cloud", ""]) {
      expect(ProductsUpdateInput.safeParse({ products: [{ id, name: "x" }] }).success).toBe(false);
    }
  });

  it("should bound capacity and refuse a short password when an admin creates an agent", () => {
    const base = { name: "Bo", email: "bo@example.test", password: "long-enough-pw", role: "agent", products: [] };
    expect(AgentCreateInput.safeParse({ ...base, capacity: 3 }).success).toBe(true);
    expect(AgentCreateInput.safeParse({ ...base, capacity: -1 }).success).toBe(false);
    expect(AgentCreateInput.safeParse({ ...base, capacity: 2.5 }).success).toBe(false);
    expect(AgentCreateInput.safeParse({ ...base, capacity: 3, password: "short" }).success).toBe(false);
  });

  it("should take a transfer to an agent or to a product team, and nothing else", () => {
    expect(TransferInput.safeParse({ conversationId: id, to: { kind: "agent", agentId: id } }).success).toBe(true);
    expect(TransferInput.safeParse({ conversationId: id, to: { kind: "product", productId: "cloud" } }).success).toBe(
      true,
    );
    expect(TransferInput.safeParse({ conversationId: id, to: { kind: "queue" } }).success).toBe(false);
    expect(TransferInput.safeParse({ conversationId: id, to: { kind: "agent", agentId: { $ne: 1 } } }).success).toBe(
      false,
    );
  });

  it("should require an email and a known priority on the offline form", () => {
    const form = { clientRequestId: "req_12345678", name: "Vera", priority: "high", details: "Down since 9" };
    expect(OfflineRequestInput.safeParse({ ...form, email: "vera@example.test" }).success).toBe(true);
    expect(OfflineRequestInput.safeParse(form).success).toBe(false);
    expect(OfflineRequestInput.safeParse({ ...form, email: "vera@example.test", priority: "urgent" }).success).toBe(
      false,
    );
  });
});

describe("SLA plans", () => {
  it("should accept the policy's standard plan and refuse a zero or missing target", () => {
    expect(SlaPlan.safeParse(STANDARD_SLA_PLAN).success).toBe(true);
    const { targets } = STANDARD_SLA_PLAN;
    const zero = {
      ...STANDARD_SLA_PLAN,
      targets: { ...targets, high: { ...targets.high, response: { amount: 0, unit: "workingHours" } } },
    };
    expect(SlaPlan.safeParse(zero).success).toBe(false);
    const { low: _low, ...withoutLow } = STANDARD_SLA_PLAN.targets;
    expect(SlaPlan.safeParse({ ...STANDARD_SLA_PLAN, targets: withoutLow }).success).toBe(false);
  });
});
