import type { StatsDayDto } from "@parley/shared";

// The figures page: the geometry of its stacked bar chart and the wording of its numbers, kept
// pure so they can be tested without a DOM.

/** Stacked bottom to top in this order; the legend and the text alternative follow it too. */
export const CHART_SERIES = ["answered", "missed", "abandoned"] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

export const SERIES_LABELS: Record<ChartSeries, string> = {
  answered: "Answered",
  missed: "Missed",
  abandoned: "Abandoned",
};

/** The SVG's size and the margins around the plot (room for the axis labels). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface BarSegment {
  readonly series: ChartSeries;
  readonly value: number;
  readonly y: number;
  readonly height: number;
}

export interface Bar {
  readonly date: string;
  readonly total: number;
  readonly x: number;
  readonly width: number;
  /** Bottom to top, only the series with a value. */
  readonly segments: readonly BarSegment[];
  /** Where the day's label and total go (the bar's centre). */
  readonly centre: number;
  /** The top of the bar (the plot's bottom for an empty day). */
  readonly top: number;
}

export interface Tick {
  readonly value: number;
  readonly y: number;
}

export interface StackedBars {
  /** The value at the top of the plot: a round number at or above the tallest bar. */
  readonly max: number;
  readonly ticks: readonly Tick[];
  readonly bars: readonly Bar[];
  readonly plot: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** Share of each day's slot the bar takes; the rest is the gap between bars. */
const BAR_SHARE = 0.6;
/** About this many gridlines above zero. */
const TARGET_TICKS = 4;

/** The smallest whole step of 1, 2 or 5 × 10ⁿ that cuts `max` into at most about TARGET_TICKS parts. */
export function niceStep(max: number): number {
  const rough = max / TARGET_TICKS;
  if (rough <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const normalized = rough / magnitude;
  const nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
  return nice * magnitude;
}

export function dayTotal(day: StatsDayDto): number {
  return CHART_SERIES.reduce((sum, s) => sum + Math.max(0, day[s]), 0);
}

/** Answered, missed and abandoned chats per day as stacked bars, oldest day on the left. */
export function stackedBars(days: readonly StatsDayDto[], box: ChartBox): StackedBars {
  const plot = {
    x: box.left,
    y: box.top,
    width: Math.max(0, box.width - box.left - box.right),
    height: Math.max(0, box.height - box.top - box.bottom),
  };
  const tallest = days.reduce((m, d) => Math.max(m, dayTotal(d)), 0);
  const step = niceStep(tallest);
  const max = Math.max(step, Math.ceil(tallest / step) * step);
  const scale = plot.height / max;
  const bottom = plot.y + plot.height;

  const ticks: Tick[] = [];
  for (let value = 0; value <= max; value += step) ticks.push({ value, y: bottom - value * scale });

  const slot = days.length > 0 ? plot.width / days.length : 0;
  const width = slot * BAR_SHARE;
  const bars = days.map((day, i): Bar => {
    const x = plot.x + i * slot + (slot - width) / 2;
    let top = bottom;
    const segments: BarSegment[] = [];
    for (const series of CHART_SERIES) {
      const value = Math.max(0, day[series]);
      if (value === 0) continue;
      const height = value * scale;
      top -= height;
      segments.push({ series, value, y: top, height });
    }
    return { date: day.date, total: dayTotal(day), x, width, segments, centre: x + width / 2, top };
  });
  return { max, ticks, bars, plot };
}

/** "Mon 30 Nov" for a local date of the site ("2026-11-30"), the same wherever the browser is. */
export function dayLabel(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return DAY_FORMAT.format(parsed);
}

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** "Mon 30": short enough to sit under a bar. */
export function shortDayLabel(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return SHORT_DAY_FORMAT.format(parsed);
}

const SHORT_DAY_FORMAT = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", timeZone: "UTC" });

/** "45 s", "3 min 20 s", "1 h 5 min"; "—" when there is nothing to measure. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${Math.floor(s / 60)} min`;
  }
  const minutes = Math.floor((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
}

const PERCENT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "92.5%"; "—" when no target was decided in the range. */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "—" : `${PERCENT.format(value)}%`;
}

/** One sentence per day for the chart's text alternative. */
export function daySummary(day: StatsDayDto): string {
  const parts = CHART_SERIES.map((s) => `${day[s]} ${SERIES_LABELS[s].toLowerCase()}`);
  return `${dayLabel(day.date)}: ${parts.join(", ")}`;
}
