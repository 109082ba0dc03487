import type { StatsDayDto } from "@parley/shared";
import { dayLabel, formatPercent } from "../../state/figures.ts";
import { type Column, DataTable } from "../DataTable.tsx";

const COLUMNS: Column<StatsDayDto>[] = [
  { key: "day", header: "Day", rowHeader: true, cell: (d) => dayLabel(d.date) },
  { key: "good", header: "Rated good", class: "tabular", cell: (d) => d.satisfaction.good },
  { key: "bad", header: "Rated bad", class: "tabular", cell: (d) => d.satisfaction.bad },
  { key: "csat", header: "CSAT", class: "tabular", cell: (d) => formatPercent(d.satisfaction.csat) },
];

/** CSAT per day: the visitors' ratings of each day's chats, by the day each chat started. */
export function SatisfactionByDay({ days }: { days: readonly StatsDayDto[] }) {
  return (
    <section class="page-section" aria-labelledby="figures-csat-days">
      <h3 id="figures-csat-days">Satisfaction per day</h3>
      <DataTable
        name={{ labelledBy: "figures-csat-days" }}
        columns={COLUMNS}
        rows={days}
        rowKey={(d) => d.date}
        empty="No days in this range."
      />
    </section>
  );
}
