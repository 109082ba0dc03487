import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Namespace } from "socket.io";
import { Conversation } from "../conversations/conversation.model.ts";
import { OutboxMail } from "../email/outbox-mail.model.ts";

/**
 * What `/metrics` shows (Prometheus text, `prom-client`). Per node: with several nodes, a scraper sums them.
 * Counts that need the database (the queue, ringing offers) are read when scraped, never on a hot path.
 */
export class Metrics {
  readonly registry = new Registry();

  /** Every socket command answered, by namespace, command and outcome (ok, error, refused up front). */
  readonly commands = new Counter({
    name: "parley_commands_total",
    help: "Socket commands answered, by namespace, command and outcome",
    labelNames: ["namespace", "command", "outcome"] as const,
    registers: [this.registry],
  });

  /** From a command's arrival to its ack. */
  readonly ackSeconds = new Histogram({
    name: "parley_ack_seconds",
    help: "Time from a socket command's arrival to its ack",
    labelNames: ["namespace"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Each database command's round trip, as the driver reports it. */
  readonly dbSeconds = new Histogram({
    name: "parley_db_command_seconds",
    help: "Database command round trips, by command name and outcome",
    labelNames: ["command", "outcome"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });

  readonly emails = new Counter({
    name: "parley_emails_total",
    help: "Emails by outcome (sent, skipped without SMTP_URL, failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  /** Tickets by email: what became of each inbound email the intake read. */
  readonly inboundEmails = new Counter({
    name: "parley_inbound_emails_total",
    help: "Inbound emails by outcome (ticket, reply, ignored, refused) and, for ignored ones, why",
    labelNames: ["outcome", "reason"] as const,
    registers: [this.registry],
  });

  readonly slaAlerts = new Counter({
    name: "parley_sla_alerts_total",
    help: "SLA alerts announced (after their claim, so once per cluster), by kind",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  constructor(namespaces: Record<string, Namespace>) {
    collectDefaultMetrics({ register: this.registry, prefix: "parley_node_" });
    new Gauge({
      name: "parley_connections",
      help: "Open Socket.IO connections on this node, by namespace",
      labelNames: ["namespace"] as const,
      registers: [this.registry],
      collect() {
        for (const [name, ns] of Object.entries(namespaces)) this.set({ namespace: name }, ns.sockets.size);
      },
    });
    new Gauge({
      name: "parley_queue_chats",
      help: "Chats waiting for an agent (cluster-wide, read from the database when scraped)",
      labelNames: ["state"] as const,
      registers: [this.registry],
      async collect() {
        const [queued, ringing] = await Promise.all([
          Conversation.countDocuments({ status: "queued" }),
          Conversation.countDocuments({ status: "queued", offeredTo: { $ne: null } }),
        ]);
        this.set({ state: "waiting" }, queued - ringing);
        this.set({ state: "ringing" }, ringing);
      },
    });
    // Emails not delivered yet, cluster-wide (the outbox holds nothing else), read when scraped.
    new Gauge({
      name: "parley_email_outbox",
      help: "Emails not delivered yet: waiting for a retry, or given up",
      labelNames: ["status"] as const,
      registers: [this.registry],
      async collect() {
        const [pending, failed] = await Promise.all([
          OutboxMail.countDocuments({ status: "pending" }),
          OutboxMail.countDocuments({ status: "failed" }),
        ]);
        this.set({ status: "pending" }, pending);
        this.set({ status: "failed" }, failed);
      },
    });
  }

  /** Times the driver's commands (it must be created with `monitorCommands`). */
  watchDatabase(client: {
    on(
      event: "commandSucceeded" | "commandFailed",
      listener: (e: { commandName: string; duration: number }) => void,
    ): unknown;
  }): void {
    client.on("commandSucceeded", (e) =>
      this.dbSeconds.observe({ command: e.commandName, outcome: "ok" }, e.duration / 1000),
    );
    client.on("commandFailed", (e) =>
      this.dbSeconds.observe({ command: e.commandName, outcome: "error" }, e.duration / 1000),
    );
  }
}
