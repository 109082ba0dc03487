import type { WebhookDeliveryDto, WebhookEndpointDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import { failureOf } from "../../realtime/socket.ts";
import type { WebhookAdmin } from "../../realtime/webhooks.ts";
import { actionsColumn, type Column, DataTable } from "../DataTable.tsx";

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

  const columns: Column<WebhookDeliveryDto>[] = [
    {
      key: "event",
      header: "Event",
      cell: (d) => (
        <>
          {d.type}
          <br />
          <span class="muted">{when(d.createdAt)}</span>
        </>
      ),
    },
    {
      key: "status",
      header: "Status",
      cell: (d) => (
        <>
          {STATUS_WORDS[d.status]}
          {d.status === "pending" && d.nextAttemptAt ? (
            <>
              <br />
              <span class="muted">next {when(d.nextAttemptAt)}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: "response",
      header: "Response",
      cell: (d) => (d.responseStatus === null ? "—" : `HTTP ${d.responseStatus}`),
    },
    { key: "time", header: "Time", cell: (d) => (d.durationMs === null ? "—" : `${d.durationMs} ms`) },
    { key: "attempts", header: "Attempts", cell: (d) => d.attempts },
    { key: "error", header: "Last error", cell: (d) => d.lastError ?? "—" },
    actionsColumn((d) => (
      <button
        type="button"
        onClick={() => void redeliver(d)}
        aria-label={`Redeliver ${d.type} of ${when(d.createdAt)}`}
      >
        Redeliver
      </button>
    )),
  ];
  const captionId = `webhook-log-${endpoint.id}`;
  return (
    <div class="webhook-log">
      <h5 id={captionId}>Deliveries to {endpoint.url}</h5>
      {deliveries === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <DataTable name={{ labelledBy: captionId }} columns={columns} rows={deliveries} empty="No deliveries yet." />
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
