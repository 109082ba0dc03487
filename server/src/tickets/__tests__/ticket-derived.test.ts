import { describe, expect, it } from "vitest";
import { ALWAYS_OPEN } from "../../support-hours/always-open.ts";
import { deriveTiming, type StoredClock, type TicketTiming } from "../ticket-derived.ts";

const H = 3_600_000;
const T0 = new Date("2026-11-02T10:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const clock = (targetHours: number, over: Partial<StoredClock> = {}): StoredClock => ({
  startedAt: T0,
  targetMs: targetHours * H,
  pauses: [],
  metAt: null,
  ...over,
});
// Open around the clock: a working day is 24 h and working time is wall time.
const derive = (t: Partial<TicketTiming>, now: Date, autoCloseDays = 5) =>
  deriveTiming(
    { status: "open", responseClock: clock(8), workaroundClock: clock(72), ...t },
    ALWAYS_OPEN,
    autoCloseDays,
    now,
  );

describe("deriveTiming", () => {
  it("should look again when the soonest target turns at risk, and sort by the soonest due time", () => {
    expect(derive({}, at(1))).toEqual({
      slaState: { response: "running", workaround: "running" },
      nextCheckAt: at(6),
      nextDueAt: at(8),
      autoCloseAt: null,
    });
  });

  it("should look again at the due time once at risk, and keep a breached target's due time for sorting", () => {
    expect(derive({}, at(7))).toMatchObject({
      slaState: { response: "at_risk" },
      nextCheckAt: at(8),
      nextDueAt: at(8),
    });
    // Breached: nothing left to watch for the response; the workaround turns at risk at 54 h.
    expect(derive({}, at(9))).toMatchObject({
      slaState: { response: "breached" },
      nextCheckAt: at(54),
      nextDueAt: at(8),
    });
  });

  it("should skip a met target and watch nothing while paused", () => {
    const met = derive({ responseClock: clock(8, { metAt: at(1) }) }, at(2));
    expect(met).toMatchObject({
      slaState: { response: "met", workaround: "running" },
      nextCheckAt: at(54),
      nextDueAt: at(72),
    });
    const paused = derive(
      { responseClock: clock(8, { pauses: [{ from: at(2), to: null }] }), workaroundClock: null },
      at(3),
    );
    expect(paused).toMatchObject({
      slaState: { response: "paused", workaround: null },
      nextCheckAt: null,
      nextDueAt: null,
    });
  });

  it("should close a resolved ticket after the working days set, and watch nothing once closed", () => {
    const resolved = {
      status: "resolved" as const,
      resolvedAt: at(2),
      responseClock: clock(8, { metAt: at(1) }),
      workaroundClock: clock(72, { metAt: at(2) }),
    };
    expect(derive(resolved, at(3), 2)).toMatchObject({ autoCloseAt: at(50), nextCheckAt: at(50), nextDueAt: null });
    expect(derive({ ...resolved, status: "closed" }, at(60))).toEqual({
      slaState: { response: "met", workaround: "met" },
      nextCheckAt: null,
      nextDueAt: null,
      autoCloseAt: null,
    });
  });
});
