import type { StatsDayDto } from "@parley/shared";
import { dayLabel, formatPercent } from "../../state/figures.ts";

/** CSAT per day: the visitors' ratings of each day's chats, by the day each chat started. */
export function SatisfactionByDay({ days }: { days: readonly StatsDayDto[] }) {
  return (
    <section class="page-section" aria-labelledby="figures-csat-days">
      <h3 id="figures-csat-days">Satisfaction per day</h3>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Rated good</th>
            <th scope="col">Rated bad</th>
            <th scope="col">CSAT</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{dayLabel(d.date)}</th>
              <td class="tabular">{d.satisfaction.good}</td>
              <td class="tabular">{d.satisfaction.bad}</td>
              <td class="tabular">{formatPercent(d.satisfaction.csat)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
