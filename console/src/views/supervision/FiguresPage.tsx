import type { StatsDto, StatsRange } from "@parley/shared";
import { PRIORITIES, type Priority } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import { formatPercent, formatSeconds } from "../../state/figures.ts";
import { isLead } from "../../state/roles.ts";
import type { SessionState } from "../../state/session.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";
import { DaysChart } from "./DaysChart.tsx";
import { SatisfactionByDay } from "./SatisfactionByDay.tsx";

const RANGES: { value: StatsRange; label: string }[] = [
  { value: "today", label: "Today" },
  { value: "7d", label: "Last 7 days" },
];

const PRIORITY_LABELS = { critical: "Critical", high: "High", medium: "Medium", low: "Low" } as const;

const UNANSWERED = "The server did not answer in time. Try again.";

type Load = { kind: "loading" } | { kind: "failed"; error: ErrorBody } | { kind: "loaded"; stats: StatsDto };

/** The figures a support lead is judged by, computed by the server for today or the last 7 days. */
export function FiguresPage({ state }: { state: SessionState }) {
  const headingRef = usePageHeading("Figures");
  const session = useSession();
  const [range, setRange] = useState<StatsRange>("today");
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [round, setRound] = useState(0);
  const run = useRef(0);
  const connected = state.connection === "connected";
  const lead = isLead(state.me);
  const groupName = useId();

  // Again on every range change, refresh and reconnect; only the latest answer lands.
  useEffect(() => {
    if (!connected || !lead) return;
    const mine = ++run.current;
    setLoad((l) => (l.kind === "loaded" && l.stats.range === range ? l : { kind: "loading" }));
    void session.wall.stats(range).then((result) => {
      if (mine !== run.current) return;
      setLoad(
        result.ok
          ? { kind: "loaded", stats: result.data.stats }
          : { kind: "failed", error: failureOf(result, UNANSWERED) },
      );
    });
  }, [session, range, connected, lead, round]);

  return (
    <main id="main" tabIndex={-1} class="page figures">
      <h2 ref={headingRef} tabIndex={-1}>
        Figures
      </h2>
      {!lead ? (
        <p class="muted">The figures are for supervisors and admins.</p>
      ) : (
        <>
          <div class="figures-controls">
            <fieldset class="segmented">
              <legend>Range</legend>
              {RANGES.map((r) => (
                <label key={r.value}>
                  <input
                    type="radio"
                    name={groupName}
                    value={r.value}
                    checked={range === r.value}
                    onChange={() => setRange(r.value)}
                  />{" "}
                  {r.label}
                </label>
              ))}
            </fieldset>
            <button type="button" class="quiet" onClick={() => setRound((n) => n + 1)}>
              Refresh figures
            </button>
          </div>
          <div aria-live="polite" aria-busy={load.kind === "loading"}>
            {load.kind === "loading" ? (
              <p class="muted">Loading…</p>
            ) : load.kind === "failed" ? (
              <p class="error" role="alert">
                {load.error.message}
              </p>
            ) : (
              <p class="muted">
                {rangeText(load.stats)} (the site's time zone, {load.stats.timeZone})
              </p>
            )}
          </div>
          {load.kind === "loaded" && <Figures stats={load.stats} />}
        </>
      )}
    </main>
  );
}

/** The range in the site's time zone, which is what "today" means for the figures. */
const AGENT_COLUMNS: Column<StatsDto["perAgent"][number]>[] = [
  { key: "agent", header: "Agent", rowHeader: true, cell: ({ agent }) => agent.name },
  { key: "chats", header: "Chats", class: "tabular", cell: ({ chats }) => chats },
  {
    key: "rated",
    header: "Rated good / bad",
    class: "tabular",
    cell: ({ satisfaction }) => `${satisfaction.good} / ${satisfaction.bad}`,
  },
  { key: "csat", header: "CSAT", class: "tabular", cell: ({ satisfaction }) => formatPercent(satisfaction.csat) },
];

function rangeText(stats: StatsDto): string {
  const label = RANGES.find((r) => r.value === stats.range)?.label ?? stats.range;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: stats.timeZone });
  } catch {
    format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  }
  return `${label}: ${format.format(new Date(stats.from))} to ${format.format(new Date(stats.to))}`;
}

function Figures({ stats }: { stats: StatsDto }) {
  const { chats, firstReplyWaitSeconds: wait } = stats;
  return (
    <div class="figures-grid">
      <section class="page-section figures-numbers" aria-labelledby="figures-chats">
        <h3 id="figures-chats">Chats</h3>
        <dl class="stat-list">
          <Stat label="Started" value={chats.started} />
          <Stat label="Answered" value={chats.answered} />
          <Stat label="Missed" value={chats.missed} />
          <Stat label="Abandoned" value={chats.abandoned} />
          <Stat label="Waiting now" value={chats.waiting} />
        </dl>
        <h3 id="figures-times">Times</h3>
        <dl class="stat-list">
          <Stat label="Median wait for the first reply" value={formatSeconds(wait?.median ?? null)} />
          <Stat label="90th percentile wait for the first reply" value={formatSeconds(wait?.p90 ?? null)} />
          <Stat label="Median chat duration" value={formatSeconds(stats.medianDurationSeconds)} />
        </dl>
        <h3 id="figures-sla">SLA compliance</h3>
        <dl class="stat-list">
          <Stat label="First response on time" value={formatPercent(stats.slaCompliance.response)} />
          <Stat label="Workaround on time" value={formatPercent(stats.slaCompliance.workaround)} />
        </dl>
        {/* Ratings: good / (good + bad) over the chats the visitors rated. */}
        <h3 id="figures-csat">Satisfaction</h3>
        <dl class="stat-list">
          <Stat label="CSAT (rated good)" value={formatPercent(stats.satisfaction.csat)} />
          <Stat label="Rated good" value={stats.satisfaction.good} />
          <Stat label="Rated bad" value={stats.satisfaction.bad} />
        </dl>
      </section>
      <section class="page-section figures-chart" aria-labelledby="figures-days">
        <h3 id="figures-days">Chats per day</h3>
        <DaysChart days={stats.days} />
      </section>
      <section class="page-section" aria-labelledby="figures-agents">
        <h3 id="figures-agents">Chats per agent</h3>
        <DataTable
          name={{ labelledBy: "figures-agents" }}
          columns={AGENT_COLUMNS}
          rows={stats.perAgent}
          rowKey={(row) => row.agent.id}
          empty="No agent handled a chat in this range."
        />
      </section>
      <SatisfactionByDay days={stats.days} />
      <section class="page-section" aria-labelledby="figures-tickets">
        <h3 id="figures-tickets">Tickets opened by priority</h3>
        <DataTable
          name={{ labelledBy: "figures-tickets" }}
          columns={[
            { key: "priority", header: "Priority", rowHeader: true, cell: (p) => PRIORITY_LABELS[p] },
            { key: "tickets", header: "Tickets", class: "tabular", cell: (p) => stats.ticketsByPriority[p] ?? 0 },
          ]}
          rows={PRIORITIES}
          rowKey={(p: Priority) => p}
          empty="No priorities."
        />
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div class="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
