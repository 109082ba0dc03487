import { describe, expect, it } from "vitest";
import { mergeTickets, TicketFeed, upsertTicket } from "../ticket-feed.ts";
import { fakeSocket } from "./fake-socket.ts";
import { ticket } from "./ticket-fixtures.ts";

const older = ticket({ id: "a".repeat(24), number: "T-1001", createdAt: "2026-01-10T09:00:00.000Z" });
const newer = ticket({ id: "b".repeat(24), number: "T-1002", createdAt: "2026-01-12T09:00:00.000Z" });

describe("upsertTicket", () => {
  it("keeps the list newest first", () => {
    expect(upsertTicket(upsertTicket([], older), newer).map((t) => t.number)).toEqual(["T-1002", "T-1001"]);
  });

  it("replaces a copy with a newer one, but never with an older snapshot", () => {
    const list = [newer, older];
    const changed = { ...older, status: "open" as const, updatedAt: "2026-01-12T10:00:00.000Z" };
    const next = upsertTicket(list, changed);
    expect(next[1]).toEqual(changed);
    // An answer read before that change arrives after its push: it must not win.
    expect(upsertTicket(next, older)).toBe(next);
  });

  it("returns the same list when nothing changed", () => {
    const list = [newer, older];
    expect(upsertTicket(list, { ...older })).toBe(list);
  });
});

describe("mergeTickets", () => {
  it("takes the fresh answer but keeps a newer copy pushed while it was on its way", () => {
    const pushed = { ...older, status: "resolved" as const, updatedAt: "2026-01-12T11:00:00.000Z" };
    const merged = mergeTickets([pushed], [older, newer]);
    expect(merged.map((t) => [t.number, t.status])).toEqual([
      ["T-1002", "new"],
      ["T-1001", "resolved"],
    ]);
  });
});

describe("TicketFeed", () => {
  it("reads the list on connect and tells the open ticket to catch up", async () => {
    const { socket, calls } = fakeSocket(() => ({ ok: true, data: { tickets: [older, newer] } }));
    const feed = new TicketFeed(() => socket);
    let reconnects = 0;
    feed.onConnect(() => reconnects++);
    feed.connected();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([{ event: "ticket:list", payload: {} }]);
    expect(feed.store.get().tickets?.map((t) => t.number)).toEqual(["T-1002", "T-1001"]);
    expect(reconnects).toBe(1);
  });

  it("stays unknown (null) when offline or unanswered, so the next connect asks again", async () => {
    expect(await new TicketFeed(() => null).refresh()).toBe(false);
    const { socket } = fakeSocket(() => undefined);
    const feed = new TicketFeed(() => socket);
    expect(await feed.refresh()).toBe(false);
    expect(feed.store.get().tickets).toBeNull();
  });

  it("forgets the list when the visitor identity is replaced, rather than merging it into the new one's", async () => {
    const { socket } = fakeSocket(() => ({ ok: true, data: { tickets: [newer] } }));
    const feed = new TicketFeed(() => socket);
    feed.updated(older);
    feed.reset();
    expect(feed.store.get().tickets).toBeNull();
    await feed.refresh();
    expect(feed.store.get().tickets).toEqual([newer]);
  });

  it("adds a pushed ticket (a chat just turned into one) to the list", () => {
    const feed = new TicketFeed(() => null);
    feed.updated(newer);
    expect(feed.store.get().tickets).toEqual([newer]);
  });
});
