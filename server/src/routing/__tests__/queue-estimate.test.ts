import { describe, expect, it } from "vitest";
import { averageHandleMs, DEFAULT_HANDLE_MS, estimateWaitSeconds } from "../queue-estimate.ts";

const MIN = 60_000;

describe("estimateWaitSeconds", () => {
  it("should be null while nobody is online", () => {
    expect(estimateWaitSeconds(1, { totalSlots: 0, freeSlots: 0 }, 5 * MIN)).toBeNull();
  });

  it("should be zero for a chat a free slot is waiting for", () => {
    expect(estimateWaitSeconds(2, { totalSlots: 6, freeSlots: 2 }, 5 * MIN)).toBe(0);
  });

  it("should grow by one handling time per chat ahead, divided among the slots", () => {
    // 3 agents × 2 slots, all full, 6-minute chats: a slot frees every minute.
    const team = { totalSlots: 6, freeSlots: 0 };
    expect(estimateWaitSeconds(1, team, 6 * MIN)).toBe(60);
    expect(estimateWaitSeconds(4, team, 6 * MIN)).toBe(240);
  });

  it("should count only the chats beyond the free slots", () => {
    expect(estimateWaitSeconds(3, { totalSlots: 3, freeSlots: 1 }, 3 * MIN)).toBe(120);
  });
});

describe("averageHandleMs", () => {
  it("should use the default until a chat has been handled", () => {
    expect(averageHandleMs([])).toBe(DEFAULT_HANDLE_MS);
  });

  it("should average accepted-to-closed times and ignore nonsense spans", () => {
    const t0 = new Date("2026-11-26T10:00:00Z");
    const after = (ms: number) => new Date(t0.getTime() + ms);
    expect(
      averageHandleMs([
        { assignedAt: t0, closedAt: after(2 * MIN) },
        { assignedAt: t0, closedAt: after(4 * MIN) },
        { assignedAt: after(MIN), closedAt: t0 },
      ]),
    ).toBe(3 * MIN);
  });
});
