import type { OfflineRequestDto } from "@parley/shared";
import { useEffect, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../format.ts";
import { navigate, pathFor } from "../router.ts";
import { arrivalAnnouncement, lastArrival, type OfflineArrival, type OfflineState } from "../state/offline.ts";
import { actionsColumn, type Column, DataTable } from "./DataTable.tsx";
import { usePageHeading } from "./usePage.ts";

const PRIORITY_LABELS = { critical: "Critical", high: "High", medium: "Medium", low: "Low" } as const;

interface OfflineRequestsPageProps {
  offline: OfflineState;
  productName: (id: string) => string;
}

const columns = (productName: (id: string) => string): Column<OfflineRequestDto>[] => [
  { key: "reference", header: "Reference", rowHeader: true, class: "reference", cell: (r) => r.reference },
  { key: "name", header: "Name", cell: (r) => r.name },
  { key: "email", header: "Email", cell: (r) => <a href={`mailto:${r.email}`}>{r.email}</a> },
  {
    key: "priority",
    header: "Priority",
    cell: (r) => <span class={`priority priority--${r.priority}`}>{PRIORITY_LABELS[r.priority]}</span>,
  },
  {
    key: "product",
    header: "Product",
    cell: (r) => (r.product ? productName(r.product) : <span class="muted">None</span>),
  },
  {
    key: "details",
    header: "Details",
    class: "details",
    cell: (r) => (
      <>
        {r.details}
        {r.manualsOpened && r.manualsOpened.length > 0 && (
          <p class="manuals-opened">
            Opened before writing:{" "}
            {r.manualsOpened.map((m, i) => (
              <span key={m.id}>
                {i > 0 && ", "}
                <a href={m.url} target="_blank" rel="noopener noreferrer">
                  {m.title}
                </a>
              </span>
            ))}
          </p>
        )}
      </>
    ),
  },
  {
    key: "received",
    header: "Received",
    cell: (r) => <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>,
  },
  actionsColumn((r) => (
    <button
      type="button"
      class="quiet"
      aria-label={`Create ticket from ${r.reference}`}
      onClick={() => navigate(pathFor({ name: "ticketNew", source: { kind: "offline", id: r.id } }))}
    >
      Create ticket
    </button>
  )),
];

/** What visitors left while support was closed or nobody was online; every value is visitor-supplied. */
export function OfflineRequestsPage({ offline, productName }: OfflineRequestsPageProps) {
  const headingRef = usePageHeading("Offline requests");
  const { requests, loaded, error } = offline;
  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="offline-heading">
        <h2 id="offline-heading" ref={headingRef} tabIndex={-1}>
          Offline requests
        </h2>
        <ArrivalAnnouncer arrivals={offline.arrivals} />
        {error && !loaded && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
        {!loaded ? (
          !error && <p class="muted">Loading…</p>
        ) : (
          <DataTable
            name={{ labelledBy: "offline-heading" }}
            class="data-table offline-table"
            scroll
            columns={columns(productName)}
            rows={requests}
            empty="No offline requests yet."
          />
        )}
      </section>
    </main>
  );
}

/**
 * Tells screen-reader users, politely, about a request that arrives while the page is open; the list the
 * page opened with is not news. The region stays mounted (one that appears with its text is often not
 * read), and each announcement is a new node so the same words twice are read twice.
 */
function ArrivalAnnouncer({ arrivals }: { arrivals: readonly OfflineArrival[] }) {
  const seen = useRef(lastArrival(arrivals));
  const [said, setSaid] = useState({ count: 0, text: "" });
  useEffect(() => {
    const text = arrivalAnnouncement(arrivals, seen.current);
    seen.current = lastArrival(arrivals);
    if (text) setSaid((s) => ({ count: s.count + 1, text }));
  }, [arrivals]);
  return (
    <div class="sr-only" role="status" aria-atomic="true">
      {said.text && <p key={said.count}>{said.text}</p>}
    </div>
  );
}
