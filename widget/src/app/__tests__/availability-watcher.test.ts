import type { AvailabilityDto } from "@parley/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AvailabilityWatcher } from "../availability-watcher.ts";
import { fakeSocket } from "./fake-socket.ts";
import { availability } from "./fixtures.ts";

const NOW = Date.parse("2026-01-12T16:59:00.000Z");

function setup(answers: (AvailabilityDto | undefined)[]) {
  const fake = fakeSocket(() => {
    const next = answers.shift();
    return next ? { ok: true, data: next } : undefined;
  });
  const seen: AvailabilityDto[] = [];
  const failed = vi.fn();
  const watcher = new AvailabilityWatcher(() => (fake.raw.connected ? fake.socket : null), {
    changed: (a) => seen.push(a),
    failed,
  });
  return { watcher, seen, failed, ...fake };
}

describe("AvailabilityWatcher", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("asks again once the closing time in the answer has passed", async () => {
    const closed = availability({ open: false, acceptingChats: false, closesAt: null });
    const { watcher, seen, calls } = setup([availability(), closed]);
    await watcher.refresh();
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(2);
    expect(seen.at(-1)).toEqual(closed);
    watcher.stop();
  });

  it("lets a push overtake an answer that was already on its way", async () => {
    const pushed = availability({ agentsOnline: false, acceptingChats: false });
    const { watcher, seen } = setup([availability()]);
    const asking = watcher.refresh();
    watcher.pushed(pushed);
    await asking;
    expect(seen).toEqual([pushed]);
    watcher.stop();
  });

  it("reports a failed ask and tries again later, but not while disconnected", async () => {
    const { watcher, failed, calls, raw } = setup([undefined, availability()]);
    await watcher.refresh();
    expect(failed).toHaveBeenCalledTimes(1);
    raw.connected = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
    raw.connected = true;
    await watcher.refresh();
    expect(calls).toHaveLength(2);
    watcher.stop();
  });
});
