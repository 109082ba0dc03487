import type { StatsDayDto } from "@parley/shared";
import { useId } from "preact/hooks";
import { CHART_SERIES, dayLabel, SERIES_LABELS, shortDayLabel, stackedBars } from "../../state/figures.ts";

const BOX = { width: 460, height: 240, top: 20, right: 6, bottom: 30, left: 32 };

/**
 * Answered, missed and abandoned chats per day as stacked bars. The picture is summed up in its title;
 * the numbers themselves are in a table that screen readers read instead of the bars.
 */
export function DaysChart({ days }: { days: readonly StatsDayDto[] }) {
  const titleId = useId();
  const chart = stackedBars(days, BOX);
  const { plot } = chart;
  const bottom = plot.y + plot.height;
  const busiest = chart.bars.reduce<(typeof chart.bars)[number] | null>(
    (best, bar) => (best === null || bar.total > best.total ? bar : best),
    null,
  );
  const summary =
    days.length === 0
      ? "No days in this range."
      : `Stacked bars of answered, missed and abandoned chats for ${days.length === 1 ? "1 day" : `${days.length} days`}` +
        (busiest && busiest.total > 0
          ? `; the busiest was ${dayLabel(busiest.date)} with ${busiest.total}. The table below has every number.`
          : "; no chats. The table below has every number.");
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{summary}</title>
        {chart.ticks.map((t) => (
          <g key={t.value} class="chart-tick">
            <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} />
            <text x={plot.x - 6} y={t.y} dy="0.32em" text-anchor="end">
              {t.value}
            </text>
          </g>
        ))}
        {chart.bars.map((bar) => (
          <g key={bar.date}>
            {bar.segments.map((s) => (
              <rect
                key={s.series}
                class={`chart-bar chart-bar--${s.series}`}
                x={bar.x}
                y={s.y}
                width={bar.width}
                height={s.height}
              >
                <title>{`${dayLabel(bar.date)}: ${s.value} ${SERIES_LABELS[s.series].toLowerCase()}`}</title>
              </rect>
            ))}
            <text class="chart-total" x={bar.centre} y={bar.top - 4} text-anchor="middle">
              {bar.total}
            </text>
            <text class="chart-label" x={bar.centre} y={bottom + 18} text-anchor="middle">
              {shortDayLabel(bar.date)}
            </text>
          </g>
        ))}
        <line class="chart-axis" x1={plot.x} x2={plot.x + plot.width} y1={bottom} y2={bottom} />
      </svg>
      <figcaption>
        <ul class="chart-legend" aria-hidden="true">
          {CHART_SERIES.map((s) => (
            <li key={s}>
              <span class={`chart-swatch chart-bar--${s}`} /> {SERIES_LABELS[s]}
            </li>
          ))}
        </ul>
      </figcaption>
      <table class="sr-only">
        <caption>Chats per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {CHART_SERIES.map((s) => (
              <th key={s} scope="col">
                {SERIES_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{dayLabel(d.date)}</th>
              {CHART_SERIES.map((s) => (
                <td key={s}>{d[s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
