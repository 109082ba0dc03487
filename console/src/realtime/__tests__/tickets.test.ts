import type { TicketDto } from "@parley/shared";
import { describe, expect, it, vi } from "vitest";
import type { RealtimeContext } from "../context.ts";
import { Tickets } from "../tickets.ts";

const ID = "a".repeat(24);
const OTHER = "b".repeat(24);
// Watching never touches the socket or the store.
const tickets = () => new Tickets({} as RealtimeContext);
const pushed = (id: string) => ({ id }) as TicketDto;

describe("Tickets.watch", () => {
  it("should call the watcher for a push about its ticket only", () => {
    const t = tickets();
    const changed = vi.fn();
    t.watch(ID, changed);
    t.onUpdated(pushed(OTHER));
    expect(changed).not.toHaveBeenCalled();
    t.onUpdated(pushed(ID));
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("should call every watcher after a reconnect, since pushes sent meanwhile are lost", () => {
    const t = tickets();
    const first = vi.fn();
    const second = vi.fn();
    t.watch(ID, first);
    t.watch(OTHER, second);
    t.resync();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("should stop calling a watcher once unsubscribed", () => {
    const t = tickets();
    const changed = vi.fn();
    const stop = t.watch(ID, changed);
    stop();
    t.onUpdated(pushed(ID));
    t.resync();
    expect(changed).not.toHaveBeenCalled();
  });
});
