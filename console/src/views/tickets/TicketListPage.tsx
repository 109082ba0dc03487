import type { CustomerDto, TicketDto } from "@parley/shared";
import { PRIORITIES } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../../format.ts";
import { failureOf } from "../../realtime/socket.ts";
import { pathFor } from "../../router.ts";
import type { SessionState } from "../../state/session.ts";
import { PRIORITY_LABELS, STATUS_LABELS } from "../../state/ticket.ts";
import {
  applyTicketUpdate,
  DEFAULT_TICKET_FILTERS,
  listInput,
  NOT_CLOSED,
  type SlaFilter,
  type StatusFilter,
  slaCellText,
  type TicketFilters,
  type TicketSort,
} from "../../state/ticket-list.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { Link } from "../Link.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";
import { SelectField } from "./fields.tsx";

/** Typing in the search box asks the server once the typing pauses. */
const SEARCH_DELAY_MS = 300;
/** Pushes about tickets not on the list come in bursts (an SLA sweep); one query answers them all. */
const REQUERY_DELAY_MS = 500;

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: "open", label: "All but closed" },
  { value: "any", label: "Any status" },
  ...[...NOT_CLOSED, "closed" as const].map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
const PRIORITY_OPTIONS = [
  { value: "" as const, label: "Any priority" },
  ...PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
];
const SLA_OPTIONS: { value: SlaFilter; label: string }[] = [
  { value: "", label: "Any" },
  { value: "at_risk", label: "At risk" },
  { value: "breached", label: "Breached" },
  { value: "at_risk_or_breached", label: "At risk or breached" },
];
const SORT_OPTIONS: { value: TicketSort; label: string }[] = [
  { value: "due", label: "Nearest due first" },
  { value: "updated", label: "Recently updated" },
  { value: "number", label: "Newest" },
];

// The filters outlive the page, so coming back from a ticket shows the same list.
let lastFilters: TicketFilters = DEFAULT_TICKET_FILTERS;

interface TicketListPageProps {
  state: SessionState;
  productName: (id: string) => string;
}

/** `/console/tickets`: the site's tickets by filter, kept live by `ticket:updated`. */
export function TicketListPage({ state, productName }: TicketListPageProps) {
  const session = useSession();
  const headingRef = usePageHeading("Tickets");
  const [filters, setFiltersState] = useState<TicketFilters>(lastFilters);
  const [search, setSearch] = useState(lastFilters.q);
  const [rows, setRows] = useState<readonly TicketDto[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [customers, setCustomers] = useState<readonly CustomerDto[]>([]);
  const [announced, setAnnounced] = useState("");
  const searchId = useId();
  const requestCount = useRef(0);
  const requery = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const setFilters = (change: Partial<TicketFilters>) =>
    setFiltersState((f) => {
      const next = { ...f, ...change };
      lastFilters = next;
      return next;
    });

  const load = useCallback(async () => {
    const mine = ++requestCount.current;
    clearTimeout(requery.current);
    const result = await session.tickets.list(listInput(filters));
    if (mine !== requestCount.current) return;
    if (result.ok) {
      setRows(result.data.tickets);
      setError(null);
      const n = result.data.tickets.length;
      setAnnounced(n === 1 ? "1 ticket" : `${n} tickets`);
    } else {
      setError(failureOf(result, "No answer from the server yet. The list will load when the connection is back."));
    }
  }, [session, filters]);

  useEffect(() => {
    void load();
    return () => clearTimeout(requery.current);
  }, [load]);

  useEffect(
    () =>
      session.tickets.listen({
        updated: (ticket) =>
          setRows((current) => {
            if (!current) return current;
            const { rows: next, unseen } = applyTicketUpdate(current, ticket);
            if (unseen) {
              clearTimeout(requery.current);
              requery.current = setTimeout(() => void load(), REQUERY_DELAY_MS);
            }
            return next;
          }),
        resynced: () => void load(),
      }),
    [session, load],
  );

  // The search box asks once typing pauses.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => setFilters({ q: search }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let live = true;
    void session.customers.list().then((result) => {
      if (live && result.ok) setCustomers(sortByName(result.data.customers));
    });
    const stop = session.customers.listen((c) =>
      setCustomers((list) => sortByName([...list.filter((x) => x.id !== c.id), c])),
    );
    return () => {
      live = false;
      stop();
    };
  }, [session]);

  const products = state.site.settings?.products ?? [];
  const assigneeOptions = [
    { value: "", label: "Anyone" },
    { value: "me", label: "Me" },
    { value: "none", label: "Unassigned" },
    ...state.team.members.filter((m) => m.id !== state.me.id).map((m) => ({ value: m.id, label: m.name })),
  ];

  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="tickets-heading">
        <h2 id="tickets-heading" ref={headingRef} tabIndex={-1}>
          Tickets
        </h2>
        <form
          class="ticket-filters"
          aria-label="Ticket filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters({ q: search });
          }}
        >
          <div class="field">
            <label for={searchId}>Search tickets</label>
            <input
              id={searchId}
              type="search"
              value={search}
              placeholder="T-1001 or words"
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          </div>
          <SelectField
            label="Ticket status"
            value={filters.status}
            options={STATUS_OPTIONS}
            onChange={(status) => setFilters({ status })}
          />
          <SelectField
            label="Priority"
            value={filters.priority}
            options={PRIORITY_OPTIONS}
            onChange={(priority) => setFilters({ priority })}
          />
          <SelectField
            label="Assignee"
            value={filters.assignee}
            options={assigneeOptions}
            onChange={(assignee) => setFilters({ assignee })}
          />
          <SelectField
            label="Product"
            value={filters.product}
            options={[{ value: "", label: "Any product" }, ...products.map((p) => ({ value: p.id, label: p.name }))]}
            onChange={(product) => setFilters({ product })}
          />
          <SelectField
            label="Customer"
            value={filters.customerId}
            options={[{ value: "", label: "Any customer" }, ...customers.map((c) => ({ value: c.id, label: c.name }))]}
            onChange={(customerId) => setFilters({ customerId })}
          />
          <SelectField label="SLA" value={filters.sla} options={SLA_OPTIONS} onChange={(sla) => setFilters({ sla })} />
          <SelectField
            label="Sort by"
            value={filters.sort}
            options={SORT_OPTIONS}
            onChange={(sort) => setFilters({ sort })}
          />
          <div class="form-actions">
            <button type="submit">Search</button>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setSearch("");
                setFilters(DEFAULT_TICKET_FILTERS);
              }}
            >
              Clear filters
            </button>
          </div>
        </form>
        <p class="sr-only" role="status">
          {announced}
        </p>
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
        {rows === null ? (
          !error && <p class="muted">Loading…</p>
        ) : (
          <TicketTable rows={rows} productName={productName} />
        )}
      </section>
    </main>
  );
}

const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
function sortByName(list: readonly CustomerDto[]): CustomerDto[] {
  return [...list].sort((a, b) => byName.compare(a.name, b.name));
}

function TicketTable({ rows, productName }: { rows: readonly TicketDto[]; productName: (id: string) => string }) {
  const columns: Column<TicketDto>[] = [
    {
      key: "number",
      header: "Number",
      rowHeader: true,
      cell: (t) => <Link href={pathFor({ name: "ticket", id: t.id })}>{t.number}</Link>,
    },
    {
      key: "subject",
      header: "Subject",
      class: "details",
      cell: (t) => (
        <>
          {t.subject}
          {t.fields.product && <span class="muted"> · {productName(t.fields.product)}</span>}
        </>
      ),
    },
    {
      key: "priority",
      header: "Priority",
      cell: (t) => <span class={`priority priority--${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span>,
    },
    { key: "status", header: "Status", cell: (t) => STATUS_LABELS[t.status] },
    { key: "assignee", header: "Assignee", cell: (t) => t.assignee?.name ?? <span class="muted">Unassigned</span> },
    { key: "customer", header: "Customer", cell: (t) => t.customer?.name ?? <span class="muted">None</span> },
    {
      key: "response",
      header: "First response",
      class: (t) => `sla sla--${t.sla.response.state}`,
      cell: (t) => slaCellText(t.sla.response, formatDateTime),
    },
    {
      key: "workaround",
      header: "Workaround",
      class: (t) => `sla sla--${t.sla.workaround?.state ?? "none"}`,
      cell: (t) => slaCellText(t.sla.workaround, formatDateTime),
    },
    {
      key: "flags",
      header: "Flags",
      cell: (t) => (
        <>
          {t.flagged && <span class="flag flag--entitlement">Flagged: no entitlement</span>}{" "}
          {t.unverifiedSender && <span class="flag flag--unverified">Unverified sender</span>}{" "}
          {t.needsTriage && <span class="flag flag--triage">Triage</span>}{" "}
          {t.escalation && <span class="flag flag--escalated">Escalated</span>}
        </>
      ),
    },
  ];
  return (
    <DataTable
      name={{ caption: "Tickets" }}
      class="data-table ticket-table"
      scroll
      columns={columns}
      rows={rows}
      empty="No tickets match these filters."
    />
  );
}
