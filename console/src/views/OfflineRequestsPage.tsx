import { useEffect, useRef, useState } from "preact/hooks";
import { formatDateTime } from "../format.ts";
import { navigate, pathFor } from "../router.ts";
import { arrivalAnnouncement, lastArrival, type OfflineArrival, type OfflineState } from "../state/offline.ts";
import { usePageHeading } from "./usePage.ts";

const PRIORITY_LABELS = { critical: "Critical", high: "High", medium: "Medium", low: "Low" } as const;

interface OfflineRequestsPageProps {
  offline: OfflineState;
  productName: (id: string) => string;
}

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
        ) : requests.length === 0 ? (
          <p class="muted">No offline requests yet.</p>
        ) : (
          <div class="table-scroll">
            <table class="data-table offline-table">
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Product</th>
                  <th scope="col">Details</th>
                  <th scope="col">Received</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" class="reference">
                      {r.reference}
                    </th>
                    <td>{r.name}</td>
                    <td>
                      <a href={`mailto:${r.email}`}>{r.email}</a>
                    </td>
                    <td>
                      <span class={`priority priority--${r.priority}`}>{PRIORITY_LABELS[r.priority]}</span>
                    </td>
                    <td>{r.product ? productName(r.product) : <span class="muted">None</span>}</td>
                    <td class="details">
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
                    </td>
                    <td>
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    </td>
                    <td>
                      <button
                        type="button"
                        class="quiet"
                        aria-label={`Create ticket from ${r.reference}`}
                        onClick={() => navigate(pathFor({ name: "ticketNew", source: { kind: "offline", id: r.id } }))}
                      >
                        Create ticket
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
