import type { SlaReadingDto, SupervisionSettings, WallAlertDto, WallChatDto, WallTicketDto } from "@parley/shared";
import { useEffect } from "preact/hooks";
import { pathFor } from "../../router.ts";
import type { ShownAlert } from "../../state/alerts.ts";
import { formatSeconds } from "../../state/figures.ts";
import { isLead } from "../../state/roles.ts";
import type { SessionState } from "../../state/session.ts";
import type { WallState } from "../../state/wall.ts";
import {
  type AgentRow,
  agentRows,
  chatWait,
  needsAttention,
  ticketsOf,
  unansweredMs,
  wallOrder,
  wallTotals,
} from "../../state/wall-reading.ts";
import { actionsColumn, type Column, DataTable } from "../DataTable.tsx";
import { Link } from "../Link.tsx";
import { StatusDot } from "../StatusDot.tsx";
import { useSession } from "../session-context.ts";
import { useNow } from "../useNow.ts";
import { usePageHeading } from "../usePage.ts";

interface WallPageProps {
  state: SessionState;
  productName: (id: string) => string;
}

const ALERT_KINDS: Record<WallAlertDto["kind"], string> = {
  queue_wait: "Long queue wait",
  unanswered: "Visitor waiting for an answer",
};

const SLA_WORDS: Record<SlaReadingDto["state"], string> = {
  running: "on track",
  at_risk: "at risk",
  breached: "breached",
  paused: "paused",
  met: "met",
};

const seconds = (ms: number) => formatSeconds(ms / 1000);

/** The whole floor, live: every queued and active chat, every agent, and what needs a lead's eye. */
export function WallPage({ state, productName }: WallPageProps) {
  const headingRef = usePageHeading("Wall");
  const session = useSession();
  const { wall, me } = state;
  // The site's settings follow `site:updated`, so an admin's new thresholds apply without a reconnect.
  const thresholds = state.site.settings?.supervision ?? wall.settings;
  const connected = state.connection === "connected";
  const lead = isLead(me);
  // The wall loads on connect for leads; someone made a supervisor since then loads it here.
  const missing = lead && connected && !wall.loaded && !wall.syncing && wall.error === null;
  useEffect(() => {
    if (missing) session.wall.load();
  }, [session, missing]);
  // Waits tick every second, on the server's clock (corrected by the skew the snapshot measured).
  const now = useNow(1000) + wall.skewMs;
  return (
    <main id="main" tabIndex={-1} class="page wall">
      <h2 ref={headingRef} tabIndex={-1}>
        Wall
      </h2>
      {!lead ? (
        <p class="muted">The wall is for supervisors and admins.</p>
      ) : !wall.loaded ? (
        wall.error ? (
          <p class="error" role="alert">
            {wall.error.message}
          </p>
        ) : (
          <p class="muted" aria-busy="true">
            Loading…
          </p>
        )
      ) : (
        <>
          {!connected && (
            <p class="notice-inline" role="status">
              Reconnecting: the wall shows the floor as it was, and catches up once connected.
            </p>
          )}
          <Totals wall={wall} now={now} />
          <Alerts alerts={wall.alerts} ticketAlerts={state.alerts} />
          <Chats wall={wall} thresholds={thresholds} now={now} productName={productName} />
          <Agents rows={agentRows(wall)} meId={me.id} />
        </>
      )}
    </main>
  );
}

function Totals({ wall, now }: { wall: WallState; now: number }) {
  const t = wallTotals(wall.chats, now);
  return (
    <section class="wall-totals" aria-labelledby="wall-totals-heading">
      <h3 id="wall-totals-heading" class="sr-only">
        Totals
      </h3>
      <dl>
        <div>
          <dt>Queued</dt>
          <dd>{t.queued}</dd>
        </div>
        <div>
          <dt>Active</dt>
          <dd>{t.active}</dd>
        </div>
        <div class={t.unanswered > 0 ? "is-attention" : undefined}>
          <dt>Unanswered</dt>
          <dd>{t.unanswered}</dd>
        </div>
        <div>
          <dt>Longest wait in queue</dt>
          <dd>{t.longestQueueWaitMs === null ? "—" : seconds(t.longestQueueWaitMs)}</dd>
        </div>
        <div>
          <dt>Longest wait for an answer</dt>
          <dd>{t.longestUnansweredMs === null ? "—" : seconds(t.longestUnansweredMs)}</dd>
        </div>
      </dl>
    </section>
  );
}

/**
 * Chat alerts come and go with `wall:alert`; the list is a live region so a new one is announced (its
 * text is the server's, fixed, so nothing ticks inside it). Ticket alerts are announced by the bar at the
 * top of every page; here they are only listed, linked to their tickets.
 */
function Alerts({ alerts, ticketAlerts }: { alerts: readonly WallAlertDto[]; ticketAlerts: readonly ShownAlert[] }) {
  return (
    <section class="page-section wall-alerts" aria-labelledby="wall-alerts-heading">
      <h3 id="wall-alerts-heading">Alerts</h3>
      <div aria-live="polite" aria-relevant="additions">
        <ul class="wall-alert-list">
          {alerts.map((a) => (
            <li key={a.id} class={`wall-alert wall-alert--${a.kind}`}>
              <span class="wall-alert-icon" aria-hidden="true">
                !
              </span>
              {/* The server's text names the visitor already ("Vera has waited in the queue for more than 2 min"). */}
              <strong>{ALERT_KINDS[a.kind]}:</strong> <span>{a.text}</span>{" "}
              <Link href={pathFor({ name: "conversation", id: a.conversationId })}>Open chat with {a.visitorName}</Link>
            </li>
          ))}
        </ul>
      </div>
      {alerts.length === 0 && <p class="muted">No chat needs attention.</p>}
      {ticketAlerts.length > 0 && (
        <>
          <h4>Ticket alerts</h4>
          <ul class="wall-alert-list">
            {ticketAlerts.map(({ key, alert }) => (
              <li key={key} class={`wall-alert wall-alert--ticket-${alert.kind}`}>
                <Link href={pathFor({ name: "ticket", id: alert.ticketId })}>{alert.number}</Link>{" "}
                <span>{alert.subject}</span>: <span>{alert.text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface ChatsProps {
  wall: WallState;
  thresholds: SupervisionSettings | null;
  now: number;
  productName: (id: string) => string;
}

interface ChatLine {
  chat: WallChatDto;
  attention: boolean;
  /** How long the visitor has waited for an answer in an active chat; null when nobody is waiting. */
  waiting: number | null;
  tickets: readonly WallTicketDto[];
}

function Chats({ wall, thresholds, now, productName }: ChatsProps) {
  const lines = wallOrder(wall.chats, now).map(
    (chat): ChatLine => ({
      chat,
      attention: needsAttention(chat, now, thresholds),
      waiting: chat.status === "active" ? unansweredMs(chat, now) : null,
      tickets: ticketsOf(wall, chat.id),
    }),
  );
  const columns: Column<ChatLine>[] = [
    {
      key: "visitor",
      header: "Visitor",
      rowHeader: true,
      cell: ({ chat, attention }) => (
        <>
          {chat.visitorName}
          {attention && (
            <span class="attention-flag">
              <span aria-hidden="true">! </span>Needs attention
            </span>
          )}
          {chat.visitorLeftAt && <span class="left-flag">Visitor left</span>}
        </>
      ),
    },
    {
      key: "product",
      header: "Product",
      cell: ({ chat }) => (chat.product ? productName(chat.product) : <span class="muted">None</span>),
    },
    { key: "agent", header: "Agent", cell: ({ chat }) => <AgentCell chat={chat} /> },
    { key: "wait", header: "Wait", class: "tabular", cell: ({ chat }) => <WaitCell chat={chat} now={now} /> },
    {
      key: "last",
      header: "Last visitor message",
      class: "tabular",
      cell: ({ chat, waiting }) =>
        waiting !== null ? (
          <strong class="unanswered">Unanswered for {seconds(waiting)}</strong>
        ) : chat.status === "queued" ? (
          <span class="muted">In the queue</span>
        ) : (
          <span class="muted">Answered</span>
        ),
    },
    { key: "ticket", header: "Ticket", cell: ({ tickets }) => <TicketsCell tickets={tickets} /> },
    actionsColumn(({ chat }) => (
      <Link href={pathFor({ name: "conversation", id: chat.id })} class="button-link">
        Monitor {chat.visitorName}
      </Link>
    )),
  ];
  return (
    <section class="page-section" aria-labelledby="wall-chats-heading">
      <h3 id="wall-chats-heading">Chats</h3>
      <DataTable
        name={{ labelledBy: "wall-chats-heading" }}
        class="data-table wall-chats"
        scroll
        columns={columns}
        rows={lines}
        rowKey={({ chat }) => chat.id}
        rowClass={({ attention, waiting }) =>
          attention ? "is-attention" : waiting !== null ? "is-unanswered" : undefined
        }
        empty="No chats are queued or active."
      />
    </section>
  );
}

function TicketsCell({ tickets }: { tickets: readonly WallTicketDto[] }) {
  if (tickets.length === 0) return <span class="muted">None</span>;
  return (
    <ul class="plain-list">
      {tickets.map((t) => (
        <li key={t.id}>
          <Link href={pathFor({ name: "ticket", id: t.id })}>{t.number}</Link>{" "}
          <span class={`sla sla--${t.response}`}>response {SLA_WORDS[t.response]}</span>
          {t.workaround && (
            <>
              {", "}
              <span class={`sla sla--${t.workaround}`}>workaround {SLA_WORDS[t.workaround]}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function AgentCell({ chat }: { chat: WallChatDto }) {
  if (chat.status === "queued") {
    return chat.offeredTo ? <span>Ringing {chat.offeredTo.name}</span> : <span class="muted-strong">Queued</span>;
  }
  const joined = chat.participants.map((p) => p.name).join(", ");
  return (
    <span>
      {chat.assignee?.name ?? "Unassigned"}
      {joined && <span class="muted"> (joined: {joined})</span>}
    </span>
  );
}

function WaitCell({ chat, now }: { chat: WallChatDto; now: number }) {
  const wait = chatWait(chat, now);
  switch (wait.kind) {
    case "queued":
      return <span>{seconds(wait.ms)} in the queue</span>;
    case "answered":
      return <span>First reply after {seconds(wait.ms)}</span>;
    case "noReply":
      return <span>No reply yet, {seconds(wait.ms)} since accepted</span>;
  }
}

function Agents({ rows, meId }: { rows: readonly AgentRow[]; meId: string }) {
  const columns: Column<AgentRow>[] = [
    {
      key: "name",
      header: "Name",
      rowHeader: true,
      cell: ({ agent }) => (
        <>
          {agent.name}
          {agent.id === meId && <span class="muted"> (you)</span>}
        </>
      ),
    },
    { key: "status", header: "Status", cell: ({ agent }) => <StatusDot status={agent.status} /> },
    {
      key: "load",
      header: "Load",
      class: "tabular",
      cell: ({ agent }) => (
        <>
          {agent.capacity === 0 && agent.load === 0 ? (
            <span class="muted">Takes no chats</span>
          ) : (
            `${agent.load} of ${agent.capacity}`
          )}
          {agent.capacity > 0 && agent.load >= agent.capacity && <span class="muted"> (full)</span>}
        </>
      ),
    },
    {
      key: "chats",
      header: "Chats",
      cell: ({ chats, ringing }) =>
        chats.length === 0 && ringing.length === 0 ? (
          <span class="muted">None</span>
        ) : (
          <>
            {chats.map((c) => c.visitorName).join(", ")}
            {ringing.length > 0 && (
              <span class="muted">
                {chats.length > 0 ? "; " : ""}ringing: {ringing.map((c) => c.visitorName).join(", ")}
              </span>
            )}
          </>
        ),
    },
  ];
  return (
    <section class="page-section" aria-labelledby="wall-agents-heading">
      <h3 id="wall-agents-heading">Agents</h3>
      <DataTable
        name={{ labelledBy: "wall-agents-heading" }}
        class="data-table wall-agents"
        scroll
        columns={columns}
        rows={rows}
        rowKey={({ agent }) => agent.id}
        empty="Nobody on the team yet."
      />
    </section>
  );
}
