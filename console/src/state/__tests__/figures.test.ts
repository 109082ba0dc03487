import type { StatsDayDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { formatPercent, formatSeconds, niceStep, stackedBars } from "../figures.ts";

const BOX = { width: 400, height: 240, top: 10, right: 10, bottom: 30, left: 40 };
// Plot: x 40..390 (350 wide), y 10..210 (200 high).

function day(date: string, answered: number, missed: number, abandoned: number): StatsDayDto {
  return {
    date,
    started: answered + missed + abandoned,
    answered,
    missed,
    abandoned,
    satisfaction: { good: 0, bad: 0, csat: null },
  };
}

describe("chart geometry", () => {
  it("picks round steps of 1, 2 or 5 × 10ⁿ, never below 1", () => {
    expect([0, 3, 4, 5, 9, 17, 40, 41, 230, 1900].map(niceStep)).toEqual([1, 1, 1, 2, 5, 5, 10, 20, 100, 500]);
  });

  it("stacks answered, missed and abandoned from the bottom, scaled to a round maximum", () => {
    const chart = stackedBars([day("2026-11-30", 6, 2, 1), day("2026-12-01", 3, 0, 0)], BOX);
    expect(chart.plot).toEqual({ x: 40, y: 10, width: 350, height: 200 });
    // Tallest bar 9: step 5, so the plot tops out at 10 and each chat is 20 px high.
    expect(chart.max).toBe(10);
    expect(chart.ticks).toEqual([
      { value: 0, y: 210 },
      { value: 5, y: 110 },
      { value: 10, y: 10 },
    ]);
    const [first, second] = chart.bars;
    expect(first?.segments).toEqual([
      { series: "answered", value: 6, y: 90, height: 120 },
      { series: "missed", value: 2, y: 50, height: 40 },
      { series: "abandoned", value: 1, y: 30, height: 20 },
    ]);
    expect(first?.total).toBe(9);
    expect(first?.top).toBe(30);
    // Empty series draw nothing (no zero-height rects to confuse a reader).
    expect(second?.segments.map((s) => s.series)).toEqual(["answered"]);
  });

  it("spaces the bars evenly across the plot, each centred in its slot", () => {
    const days = Array.from({ length: 7 }, (_, i) => day(`2026-11-2${i}`, i, 0, 0));
    const { bars } = stackedBars(days, BOX);
    expect(bars).toHaveLength(7);
    // Slot 50 px, bar 30 px, 10 px margin each side.
    expect(bars.map((b) => b.x)).toEqual([50, 100, 150, 200, 250, 300, 350]);
    expect(bars.every((b) => b.width === 30 && b.centre === b.x + 15)).toBe(true);
  });

  it("still draws an axis for days without chats (and for none at all)", () => {
    const quiet = stackedBars([day("2026-12-01", 0, 0, 0)], BOX);
    expect(quiet.max).toBe(1);
    expect(quiet.bars[0]?.segments).toEqual([]);
    expect(quiet.bars[0]?.top).toBe(210);
    const none = stackedBars([], BOX);
    expect(none.bars).toEqual([]);
    expect(none.ticks.map((t) => t.value)).toEqual([0, 1]);
  });

  it("keeps every bar inside the plot", () => {
    const chart = stackedBars([day("a", 37, 5, 9), day("b", 51, 0, 0), day("c", 0, 0, 2)], BOX);
    for (const bar of chart.bars) {
      expect(bar.top).toBeGreaterThanOrEqual(chart.plot.y);
      for (const s of bar.segments) expect(s.y + s.height).toBeLessThanOrEqual(chart.plot.y + chart.plot.height + 1e-9);
    }
  });
});

describe("figure wording", () => {
  it("reads seconds as s, min and h", () => {
    expect([null, 0, 44.6, 60, 200, 3600, 3900].map(formatSeconds)).toEqual([
      "—",
      "0 s",
      "45 s",
      "1 min",
      "3 min 20 s",
      "1 h",
      "1 h 5 min",
    ]);
  });

  it("reads compliance as a percentage, or a dash when nothing was decided", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(92.45)).toMatch(/^92[.,]5%$/);
  });
});
