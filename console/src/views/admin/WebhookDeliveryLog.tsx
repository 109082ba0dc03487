import type { WebhookDeliveryDto, WebhookEndpointDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import type { WebhookAdmin } from "../../realtime/webhooks.ts";

const UNANSWERED = "The server did not answer; try again.";

const STATUS_WORDS: Record<WebhookDeliveryDto["status"], string> = {
  delivered: "Delivered",
  pending: "Waiting to retry",
  failed: "Gave up",
};

const when = (iso: string) => new Date(iso).toLocaleString();

/** One endpoint's latest deliveries: how each went, and a way to send one again. */
export function WebhookDeliveryLog({
  admin,
  endpoint,
  refreshKey,
}: {
  admin: WebhookAdmin;
  endpoint: WebhookEndpointDto;
  /** Changed by the section when it sent something (a test event) so the log reloads. */
  refreshKey: number;
}) {
  const [deliveries, setDeliveries] = useState<WebhookDeliveryDto[] | null>(null);
  const [status, setStatus] = useState("");

  const load = async () => {
    const result = await admin.deliveries(endpoint.id);
    if (result.ok) setDeliveries(result.data.deliveries);
    else setStatus(failureOf(result, UNANSWERED).message);
  };
  useEffect(() => {
    void load();
  }, [endpoint.id, refreshKey]);

  const redeliver = async (delivery: WebhookDeliveryDto) => {
    setStatus(`Sending ${delivery.type} again…`);
    const result = await admin.redeliver(endpoint.id, delivery.id);
    if (!result.ok) {
      setStatus(failureOf(result, UNANSWERED).message);
      return;
    }
    const d = result.data.delivery;
    setStatus(
      d.status === "delivered"
        ? `${d.type} delivered (HTTP ${d.responseStatus}).`
        : `${d.type} not delivered: ${d.lastError ?? "no answer"}. It will be retried.`,
    );
    await load();
  };

  const captionId = `webhook-log-${endpoint.id}`;
  return (
    <div class="webhook-log">
      <h5 id={captionId}>Deliveries to {endpoint.url}</h5>
      {deliveries === null ? (
        <p class="muted">Loading…</p>
      ) : deliveries.length === 0 ? (
        <p class="muted">No deliveries yet.</p>
      ) : (
        <table class="data-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Response</th>
              <th scope="col">Time</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.type}
                  <br />
                  <span class="muted">{when(d.createdAt)}</span>
                </td>
                <td>
                  {STATUS_WORDS[d.status]}
                  {d.status === "pending" && d.nextAttemptAt ? (
                    <>
                      <br />
                      <span class="muted">next {when(d.nextAttemptAt)}</span>
                    </>
                  ) : null}
                </td>
                <td>{d.responseStatus === null ? "—" : `HTTP ${d.responseStatus}`}</td>
                <td>{d.durationMs === null ? "—" : `${d.durationMs} ms`}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? "—"}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void redeliver(d)}
                    aria-label={`Redeliver ${d.type} of ${when(d.createdAt)}`}
                  >
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p role="status" class="muted">
        {status}
      </p>
      <button type="button" onClick={() => void load()} aria-label={`Refresh the deliveries to ${endpoint.url}`}>
        Refresh
      </button>
    </div>
  );
}
