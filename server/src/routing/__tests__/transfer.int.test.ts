// Transfers (docs/console.md): "an agent can transfer a chat to another agent or to a product team, with a note. The
// visitor sees who took over." The note is for staff only.
import type { MessageDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { agentRow, autoAccept, call, collect, offersTo, ok, sleep, waitFor } from "../../../test/harness.ts";
import { routingFixture } from "../../../test/routing-fixture.ts";
import { Conversation } from "../../conversations/conversation.model.ts";

const fx = routingFixture();

const NOTE = "VIP customer, refund already approved";

describe("transfer to a colleague", () => {
  it("should hand the chat over, tell the visitor who took over, and keep the note among staff", async () => {
    const site = await fx.autoSite();
    const ana = await fx.member(site, { name: "Ana", capacity: 2 });
    const anaTakes = autoAccept(ana);
    const v = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(v.id));
    const bo = await fx.member(site, { name: "Bo", capacity: 1 });
    const anaHears = collect<MessageDto>(ana.socket, "message:new");

    const moved = await ok(ana.socket, "conversation:transfer", {
      conversationId: v.id,
      to: { kind: "agent", agentId: bo.id },
      note: NOTE,
    });
    expect(moved.conversation).toMatchObject({ status: "active", assignee: { id: bo.id, name: "Bo" } });
    expect((await agentRow(ana.id)).load).toBe(0);
    expect((await agentRow(bo.id)).load).toBe(1);

    // The visitor is told, in a message and in their conversation's state, and never sees the note.
    await waitFor(() => v.messages.some((m) => m.body === "Ana transferred the chat to Bo"));
    await waitFor(() => v.updates.at(-1)?.assigneeName === "Bo");
    await waitFor(() => anaHears.some((m) => m.body.includes(NOTE)));
    await sleep(100);
    expect(v.messages.filter((m) => m.body.includes(NOTE) || m.internal)).toEqual([]);
    const visitorPage = await ok(v.socket, "conversation:sync", {
      conversationId: v.id,
      afterSeq: 0,
    });
    expect(visitorPage.messages.map((m) => m.body)).toEqual([
      "Hello, I need help",
      "Ana joined the chat",
      "Ana transferred the chat to Bo",
    ]);
    expect(visitorPage.conversation?.assigneeName).toBe("Bo");

    // Staff see the note, marked internal.
    const boPage = await ok(bo.socket, "conversation:sync", {
      conversationId: v.id,
      afterSeq: 0,
    });
    const note = boPage.messages.find((m) => m.body.includes(NOTE));
    expect(note).toMatchObject({ internal: true, author: { kind: "system" }, body: `Transfer note from Ana: ${NOTE}` });
    expect(anaHears.find((m) => m.body.includes(NOTE))?.internal).toBe(true);

    // Bo may answer now; Ana may not.
    await ok(bo.socket, "message:send", { conversationId: v.id, clientMsgId: "bo-reply-1", body: "Hi, Bo here" });
    expect(
      await call(ana.socket, "message:send", { conversationId: v.id, clientMsgId: "ana-late-1", body: "still me" }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await waitFor(() => v.messages.some((m) => m.body === "Hi, Bo here"));

    // A colleague with no free slot cannot be handed a chat, and nobody's slots move.
    const w = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(w.id));
    expect(
      await call(ana.socket, "conversation:transfer", { conversationId: w.id, to: { kind: "agent", agentId: bo.id } }),
    ).toMatchObject({ ok: false, error: { code: "AT_CAPACITY" } });
    expect((await Conversation.findById(w.id).lean())?.assignee?.toHexString()).toBe(ana.id);
    expect((await agentRow(ana.id)).load).toBe(1);
    expect((await agentRow(bo.id)).load).toBe(1);
  });
});

describe("transfer to a product team", () => {
  it("should requeue the chat for the team and offer it to a team member, never back to the sender", async () => {
    const site = await fx.autoSite({ products: [{ id: "billing", name: "Billing" }] });
    // Ana supports billing too, and after the transfer she is the least busy of all: only the rule that a
    // chat is not offered back to whoever passed it on keeps it from her.
    const ana = await fx.member(site, { name: "Ana", products: ["billing"] });
    const anaTakes = autoAccept(ana);
    const anaRang = offersTo(ana.socket, ana.id);
    const v = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(v.id));

    const bea = await fx.member(site, { name: "Bea", products: ["billing"] });
    const beaTakes = autoAccept(bea);
    const other = await fx.waiting(site);
    await waitFor(() => beaTakes.accepted.includes(other.id)); // Bea now holds 1
    // Cal is idle but does not do billing.
    const cal = await fx.member(site, { name: "Cal" });
    const calRang = offersTo(cal.socket, cal.id);

    const moved = await ok(ana.socket, "conversation:transfer", {
      conversationId: v.id,
      to: { kind: "product", productId: "billing" },
      note: NOTE,
    });
    expect(moved.conversation).toMatchObject({ status: "queued", assignee: null, product: "billing" });

    await waitFor(() => beaTakes.accepted.includes(v.id));
    expect(anaRang).toEqual([v.id]); // her original offer only
    expect(calRang).toEqual([]);
    const stored = await Conversation.findById(v.id).lean();
    expect(stored?.assignee?.toHexString()).toBe(bea.id);
    expect(stored?.declinedBy.map(String)).toEqual([ana.id]);
    expect([(await agentRow(ana.id)).load, (await agentRow(bea.id)).load, (await agentRow(cal.id)).load]).toEqual([
      0, 2, 0,
    ]);

    await waitFor(() => v.updates.at(-1)?.assigneeName === "Bea");
    const bodies = v.messages.map((m) => m.body);
    expect(bodies).toContain("Ana transferred the chat to the Billing team");
    expect(bodies.indexOf("Bea joined the chat")).toBeGreaterThan(
      bodies.indexOf("Ana transferred the chat to the Billing team"),
    );
    expect(bodies.some((b) => b.includes(NOTE))).toBe(false);
  });

  it("should refuse a transfer to a product the site does not have", async () => {
    const site = await fx.autoSite();
    const ana = await fx.member(site, { name: "Ana" });
    const anaTakes = autoAccept(ana);
    const v = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(v.id));
    expect(
      await call(ana.socket, "conversation:transfer", {
        conversationId: v.id,
        to: { kind: "product", productId: "nope" },
      }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await Conversation.findById(v.id).lean()).toMatchObject({ status: "active" });
    expect((await agentRow(ana.id)).load).toBe(1);
  });
});

describe("transfer by a supervisor", () => {
  it("should tell the visitor that the supervisor, not the chat's agent, moved the chat", async () => {
    const site = await fx.autoSite();
    const ana = await fx.member(site, { name: "Ana" });
    const anaTakes = autoAccept(ana);
    const v = await fx.waiting(site);
    await waitFor(() => anaTakes.accepted.includes(v.id));
    const sam = await fx.member(site, { role: "supervisor", name: "Sam", capacity: 0 });
    const bo = await fx.member(site, { name: "Bo" });

    await ok(sam.socket, "conversation:transfer", { conversationId: v.id, to: { kind: "agent", agentId: bo.id } });
    await waitFor(() => v.messages.some((m) => m.body.includes("transferred the chat")));
    expect(v.messages.map((m) => m.body)).toContain("Sam transferred the chat to Bo");
    expect((await agentRow(ana.id)).load).toBe(0);
    expect((await agentRow(bo.id)).load).toBe(1);
  });
});
