import type { Ack } from "@parley/shared/errors";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { VisitorSocket } from "../request.ts";
import { TicketFeed } from "../ticket-feed.ts";
import { mergeTicketMessages, TicketThread } from "../ticket-thread.ts";
import { type Call, fakeSocket } from "./fake-socket.ts";
import { reply, TICKET, ticket } from "./ticket-fixtures.ts";

// newClientMsgId reads the browser's isSecureContext.
beforeAll(() => vi.stubGlobal("isSecureContext", true));

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("mergeTicketMessages", () => {
  it("shows a reply once however often it arrives (ack, push, re-read), oldest first", () => {
    const first = mergeTicketMessages([], [reply(2), reply(1)], TICKET);
    expect(first.map((m) => m.body)).toEqual(["reply 1", "reply 2"]);
    expect(mergeTicketMessages(first, [reply(1), { ...reply(2) }], TICKET)).toBe(first);
    const again = mergeTicketMessages(first, [reply(3), reply(1)], TICKET);
    expect(again.map((m) => m.body)).toEqual(["reply 1", "reply 2", "reply 3"]);
  });

  it("replaces a reply whose stored copy changed (an attachment listed later)", () => {
    const first = mergeTicketMessages([], [reply(1)], TICKET);
    const file = {
      id: "f".repeat(24),
      name: "shot.png",
      contentType: "image/png",
      size: 10,
      url: "/api/attachments/x",
      createdAt: "",
    };
    const next = mergeTicketMessages(first, [reply(1, { attachments: [file] })], TICKET);
    expect(next).toHaveLength(1);
    expect(next[0]?.attachments).toEqual([file]);
  });

  it("drops staff notes and other tickets' replies", () => {
    const merged = mergeTicketMessages(
      [],
      [reply(1, { internal: true }), reply(2, { ticketId: "c".repeat(24) })],
      TICKET,
    );
    expect(merged).toEqual([]);
  });
});

/** A socket whose answers the test sets per event; `undefined` is a lost ack. */
function server(answers: Record<string, (call: Call) => Ack<unknown> | undefined>) {
  const fake = fakeSocket((call) => answers[call.event]?.(call));
  let online = true;
  const feed = new TicketFeed(() => (online ? (fake.socket as VisitorSocket) : null));
  return {
    ...fake,
    feed,
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

describe("TicketThread", () => {
  it("reads the ticket and its replies, and puts the ticket into the feed's list", async () => {
    const s = server({ "ticket:get": () => ({ ok: true, data: { ticket: ticket(), messages: [reply(1)] } }) });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    expect(s.calls[0]).toEqual({ event: "ticket:get", payload: { ticketId: TICKET } });
    expect(thread.store.get()).toMatchObject({ load: "ready", messages: [reply(1)] });
    expect(s.feed.store.get().tickets).toEqual([ticket()]);
  });

  it("merges pushed replies and reads the thread again after a reconnect", async () => {
    let messages = [reply(1)];
    const s = server({ "ticket:get": () => ({ ok: true, data: { ticket: ticket(), messages } }) });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    s.feed.message(reply(2));
    s.feed.message(reply(2));
    expect(thread.store.get().messages.map((m) => m.body)).toEqual(["reply 1", "reply 2"]);
    // Sent while we were disconnected: only the re-read brings it.
    messages = [reply(1), reply(2), reply(3)];
    s.feed.connected();
    await settle();
    expect(thread.store.get().messages.map((m) => m.body)).toEqual(["reply 1", "reply 2", "reply 3"]);
    thread.close();
    s.feed.message(reply(4));
    expect(thread.store.get().messages).toHaveLength(3);
  });

  it("retries a reply with the same clientMsgId, with its attachment ids", async () => {
    let lose = true;
    const s = server({
      "ticket:get": () => ({ ok: true, data: { ticket: ticket(), messages: [] } }),
      "ticket:reply": (call) =>
        lose
          ? undefined
          : {
              ok: true,
              data: {
                message: reply(5, {
                  author: { kind: "customer", name: "Vera" },
                  clientMsgId: String(call.payload.clientMsgId),
                  body: String(call.payload.body),
                }),
              },
            },
    });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    thread.reply("It still fails", [{ id: "d".repeat(24), name: "log.txt" }]);
    await settle();
    const [pending] = thread.store.get().pending;
    expect(pending?.failure).toEqual({ reason: "no answer from support yet", retry: true });

    lose = false;
    thread.retry(pending?.clientMsgId ?? "");
    await settle();
    const sends = s.calls.filter((c) => c.event === "ticket:reply");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.payload).toEqual(sends[0]?.payload);
    expect(sends[0]?.payload).toMatchObject({
      ticketId: TICKET,
      body: "It still fails",
      attachmentIds: ["d".repeat(24)],
    });
    expect(thread.store.get().pending).toEqual([]);
    expect(thread.store.get().messages.map((m) => m.body)).toEqual(["It still fails"]);
  });

  it("resends waiting replies on reconnect, and does not resend one refused for good", async () => {
    const s = server({
      "ticket:get": () => ({ ok: true, data: { ticket: ticket(), messages: [] } }),
      "ticket:reply": () => ({ ok: false, error: { code: "CONFLICT", message: "ticket is closed" } }),
    });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    s.setOnline(false);
    thread.reply("offline reply", []);
    expect(thread.store.get().pending[0]?.failure?.retry).toBe(true);
    s.setOnline(true);
    s.feed.connected();
    await settle();
    expect(thread.store.get().pending[0]?.failure).toEqual({ reason: "this ticket is closed", retry: false });
    s.feed.connected();
    await settle();
    expect(s.calls.filter((c) => c.event === "ticket:reply")).toHaveLength(1);
  });

  it("drops a pending reply when its push arrives before its ack", async () => {
    const s = server({
      "ticket:get": () => ({ ok: true, data: { ticket: ticket(), messages: [] } }),
      "ticket:reply": () => undefined,
    });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    thread.reply("hello", []);
    const clientMsgId = thread.store.get().pending[0]?.clientMsgId ?? "";
    s.feed.message(reply(7, { clientMsgId, body: "hello", author: { kind: "customer", name: "Vera" } }));
    expect(thread.store.get().pending).toEqual([]);
  });

  it("confirms a resolution and updates the list; a CONFLICT re-reads the ticket", async () => {
    const closed = ticket({ status: "closed", updatedAt: "2026-01-12T12:00:00.000Z" });
    let conflict = false;
    const s = server({
      "ticket:get": () => ({
        ok: true,
        data: { ticket: conflict ? closed : ticket({ status: "resolved" }), messages: [] },
      }),
      "ticket:respond": () =>
        conflict ? { ok: false, error: { code: "CONFLICT", message: "" } } : { ok: true, data: { ticket: closed } },
    });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    expect(await thread.respond("reject", "  still broken ")).toBeNull();
    expect(s.calls.at(-1)).toEqual({
      event: "ticket:respond",
      payload: { ticketId: TICKET, action: "reject", comment: "still broken" },
    });
    expect(s.feed.store.get().tickets?.[0]?.status).toBe("closed");

    conflict = true;
    expect(await thread.respond("confirm")).toBe("This ticket changed in the meantime; here is where it stands now.");
    expect(s.calls.at(-2)?.payload).toEqual({ ticketId: TICKET, action: "confirm" });
    expect(s.calls.at(-1)?.event).toBe("ticket:get");
  });

  it("says so when the ticket is not the visitor's (or gone)", async () => {
    const s = server({ "ticket:get": () => ({ ok: false, error: { code: "NOT_FOUND", message: "" } }) });
    const thread = new TicketThread(s.feed, TICKET);
    await settle();
    expect(thread.store.get().load).toBe("gone");
  });
});
