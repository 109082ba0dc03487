import type { HistoryCursor, HistoryPageDto, HistoryRowDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../../format.ts";
import { searchHistory } from "../../realtime/history.ts";
import { failureOf } from "../../realtime/socket.ts";
import { pathFor } from "../../router.ts";
import { EMPTY_HISTORY_FILTERS, fieldOfIssue, type HistoryFilters, historyInput } from "../../state/history-filters.ts";
import type { SessionState } from "../../state/session.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { Link } from "../Link.tsx";
import { useSession } from "../session-context.ts";
import { usePageHeading } from "../usePage.ts";
import { CLOSE_REASON_LABELS } from "./close-reasons.ts";

// The search outlives the page: coming back from a transcript shows the same results.
let lastFilters: HistoryFilters = EMPTY_HISTORY_FILTERS;
let lastCursors: (HistoryCursor | undefined)[] = [undefined];

interface HistoryPageProps {
  state: SessionState;
  productName: (id: string) => string;
}

/** `/console/history`: the site's closed chats by filter, a page at a time, each opening as a transcript. */
export function HistoryPage({ state, productName }: HistoryPageProps) {
  const session = useSession();
  const headingRef = usePageHeading("History");
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const [form, setForm] = useState<HistoryFilters>(lastFilters);
  const [applied, setApplied] = useState<HistoryFilters>(lastFilters);
  // The cursor each page was asked with, the current page last.
  const [cursors, setCursors] = useState<(HistoryCursor | undefined)[]>(lastCursors);
  const [page, setPage] = useState<HistoryPageDto | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [announced, setAnnounced] = useState("");
  const requestCount = useRef(0);
  const moved = useRef(false);

  useEffect(() => {
    lastFilters = applied;
    lastCursors = cursors;
    const mine = ++requestCount.current;
    const after = cursors.at(-1);
    void searchHistory(session.ctx, { ...historyInput(applied), ...(after ? { after } : {}) }).then((result) => {
      if (mine !== requestCount.current) return;
      if (result.ok) {
        setPage(result.data);
        setError(null);
        const n = result.data.rows.length;
        setAnnounced(`Page ${cursors.length}: ${n === 1 ? "1 chat" : `${n} chats`}`);
        if (moved.current) resultsRef.current?.focus();
        moved.current = false;
      } else {
        setPage(null);
        setError(failureOf(result, "No answer from the server yet. Try again when the connection is back."));
      }
    });
  }, [session, applied, cursors]);

  const set = (change: Partial<HistoryFilters>) => setForm((f) => ({ ...f, ...change }));
  const search = (filters: HistoryFilters) => {
    setApplied(filters);
    setCursors([undefined]);
  };
  const turn = (next: (HistoryCursor | undefined)[]) => {
    moved.current = true;
    setCursors(next);
  };
  const issuesFor = (field: keyof HistoryFilters): string[] =>
    (error?.issues ?? []).filter((i) => fieldOfIssue(i.path) === field).map((i) => i.message);
  const fieldProps = { issuesFor, form, set };

  const products = state.site.settings?.products ?? [];
  const agents = [...state.team.members].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="history-heading">
        <h2 id="history-heading" ref={headingRef} tabIndex={-1}>
          History
        </h2>
        <p class="muted">Closed chats of this site, newest first. Every staff member sees all of them.</p>
        <form
          class="ticket-filters history-filters"
          aria-label="History filters"
          onSubmit={(e) => {
            e.preventDefault();
            search(form);
          }}
        >
          <TextField {...fieldProps} name="visitor" label="Visitor name or email" type="search" />
          <TextField {...fieldProps} name="words" label="Words in the messages" type="search" />
          <TextField {...fieldProps} name="from" label="Closed from" type="date" />
          <TextField {...fieldProps} name="to" label="Closed until" type="date" />
          <Select {...fieldProps} name="agentId" label="Agent">
            <option value="">Any agent</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
          <Select {...fieldProps} name="product" label="Product">
            <option value="">Any product</option>
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <Select {...fieldProps} name="hasTicket" label="Ticket">
            <option value="">Any</option>
            <option value="yes">With a ticket</option>
            <option value="no">Without a ticket</option>
          </Select>
          <div class="form-actions">
            <button type="submit">Search</button>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setForm(EMPTY_HISTORY_FILTERS);
                search(EMPTY_HISTORY_FILTERS);
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
        <h3 ref={resultsRef} tabIndex={-1} class="history-results">
          Results{cursors.length > 1 ? `, page ${cursors.length}` : ""}
        </h3>
        {page === null ? (
          !error && <p class="muted">Loading…</p>
        ) : (
          <HistoryTable page={page} productName={productName} />
        )}
        {page?.searchedTo && (
          <p class="muted">
            Searched chats closed since {formatDateTime(page.searchedTo)}. The next page searches further back.
          </p>
        )}
        {page && (cursors.length > 1 || page.next) && (
          <nav class="pager" aria-label="Result pages">
            {cursors.length > 1 && (
              <button type="button" class="quiet" onClick={() => turn(cursors.slice(0, -1))}>
                Previous page
              </button>
            )}
            {page.next && (
              <button type="button" class="quiet" onClick={() => turn([...cursors, page.next ?? undefined])}>
                Next page
              </button>
            )}
          </nav>
        )}
      </section>
    </main>
  );
}

interface FieldProps {
  name: keyof HistoryFilters;
  label: string;
  form: HistoryFilters;
  set: (change: Partial<HistoryFilters>) => void;
  issuesFor: (field: keyof HistoryFilters) => string[];
}

function TextField({ name, label, type, form, set, issuesFor }: FieldProps & { type: "search" | "date" }) {
  const id = useId();
  const errorId = useId();
  const messages = issuesFor(name);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        // Spelled out: preact's input types are a union on `type`.
        {...(type === "date" ? { type: "date" as const } : { type: "search" as const })}
        value={form[name]}
        {...invalidProps(errorId, messages)}
        onInput={(e) => set({ [name]: e.currentTarget.value })}
      />
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

function Select({ name, label, form, set, issuesFor, children }: FieldProps & { children: ComponentChildren }) {
  const id = useId();
  const errorId = useId();
  const messages = issuesFor(name);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={form[name]}
        {...invalidProps(errorId, messages)}
        onChange={(e) => set({ [name]: e.currentTarget.value })}
      >
        {children}
      </select>
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

/** The visitor's rating. */
const RATING_LABELS = { good: "Good", bad: "Bad" } as const;

function HistoryTable({ page, productName }: { page: HistoryPageDto; productName: (id: string) => string }) {
  const columns: Column<HistoryRowDto>[] = [
    {
      key: "visitor",
      header: "Visitor",
      rowHeader: true,
      cell: (r) => (
        <>
          <Link href={pathFor({ name: "conversation", id: r.id })}>{r.visitorName}</Link>
          {r.visitorEmail && <span class="muted history-email">{r.visitorEmail}</span>}
        </>
      ),
    },
    { key: "closed", header: "Closed", cell: (r) => formatDateTime(r.closedAt) },
    { key: "agent", header: "Agent", cell: (r) => r.assignee?.name ?? <span class="muted">Nobody</span> },
    {
      key: "product",
      header: "Product",
      cell: (r) => (r.product ? productName(r.product) : <span class="muted">None</span>),
    },
    { key: "ticket", header: "Ticket", cell: (r) => (r.hasTicket ? "Yes" : "No") },
    {
      key: "reason",
      header: "Close reason",
      cell: (r) => (r.closeReason ? CLOSE_REASON_LABELS[r.closeReason] : <span class="muted">Not given</span>),
    },
    {
      key: "rating",
      header: "Rating",
      cell: (r) => (r.rating ? RATING_LABELS[r.rating] : <span class="muted">None</span>),
    },
    { key: "excerpt", header: "Excerpt", class: "history-snippet", cell: (r) => r.snippet },
  ];
  return (
    <DataTable
      name={{ caption: "Closed chats" }}
      class="data-table history-table"
      scroll
      columns={columns}
      rows={page.rows}
      empty="No closed chats match these filters."
    />
  );
}

// The admin forms' FieldError, written again here: importing admin/FormErrors.tsx from this lazy chunk made the
// bundler split the console's main chunk in two (40.2 kB gz became 21.2 + 19.3 kB, both loaded at start).
function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} class="field-error">
      {messages.join(" ")}
    </p>
  );
}

const invalidProps = (id: string, messages: readonly string[]) =>
  messages.length > 0 ? { "aria-invalid": true, "aria-describedby": id } : {};
