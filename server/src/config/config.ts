import path from "node:path";
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "@parley/shared/constants";
import { z } from "zod";
import { REPO_ROOT } from "./paths.ts";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** Where browsers reach this server; its origin is the console's and the demo page's origin. */
  PUBLIC_URL: z.url().optional(),
  MONGODB_URI: z.string().startsWith("mongodb").optional(),
  PARLEY_DATA_DIR: z.string().optional(),
  /**
   * Where attachment files go; every node of a cluster must see the same directory (a shared volume).
   * Default: `$PARLEY_DATA_DIR/attachments`.
   */
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  PARLEY_DEMO: flag,
  /** How long after devdb dies the first restart is tried (doubling up to 5 s while it fails). */
  DEVDB_RESTART_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  /** How long an agent whose last console tab closed still counts as present (a reload is not a logout). */
  PRESENCE_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
  /** How often the SLA watch looks for tickets turning at risk, breaching or closing themselves. */
  SLA_WATCH_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(15_000),
  /** How often expired offers are looked for in the database, behind their timers (a timer dies with its process). */
  OFFER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).max(3_600_000).default(5_000),
  /** How often the wall's chat alerts (long waits, unanswered visitors) are checked; in memory, no query. */
  CHAT_ALERT_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(5_000),
  /** How often open chats are looked over for visitors who left, and closed once left long enough. */
  VISITOR_GONE_SWEEP_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** The longest one page of History search reads before answering with what it found. */
  HISTORY_PAGE_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /**
   * The longest a socket command, or a batch of chat messages, waits on the database before it is answered
   * UNAVAILABLE (retryable): the driver puts no limit on a read from a database that stopped answering.
   */
  COMMAND_STALL_MS: z.coerce.number().int().min(500).max(300_000).default(15_000),
  /** Largest attachment upload in bytes; a larger body is refused with 413 before it is stored. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024)
    .default(DEFAULT_ATTACHMENT_MAX_BYTES),
  /** Outgoing email, e.g. `smtp://user:pass@mail.example.com:587`; unset means emails are logged and skipped. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * Socket events one visitor may send in a window of BURST / RATE seconds (60 per 30 s by default), across every
   * node (RATE_LIMITED beyond).
   */
  VISITOR_EVENT_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
  VISITOR_EVENT_RATE: z.coerce.number().positive().max(100_000).default(2),
  /** REST API requests per key: a burst of this many, refilled at API_KEY_RATE a second. */
  API_KEY_BURST: z.coerce.number().int().min(1).max(100_000).default(600),
  API_KEY_RATE: z.coerce.number().positive().max(100_000).default(10),
  /**
   * Several processes: Socket.IO's fan-out, shared rate limits and background-work leases go through this Redis.
   * Unset: one self-contained process.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Prefix of every Redis key and channel Parley uses, so one Redis can serve several deployments (or test runs). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/)
    .default("parley"),
  /**
   * Which proxies' X-Forwarded-For to believe, so `req.ip` is the client behind a load balancer: a hop count ("1")
   * or a comma-separated list of addresses or subnets ("10.0.0.0/8, loopback"). Unset: none (the peer's address).
   */
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-zA-Z.:/,\s]*$/, "a hop count or a comma-separated list of addresses")
    .optional(),
  /** Serves `/metrics` (Prometheus) to requests bearing this token; unset, `/metrics` is off. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** How often undelivered emails whose wait is over are tried again (on one node). */
  EMAIL_RETRY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** The unit of the retry waits (1, 5, 15, 60, 180, 360 of them): a minute. */
  EMAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(60_000),
  EMAIL_FROM: z.string().min(3).default("Parley Support <support@localhost>"),
  /**
   * Tickets by email: the support addresses mail comes in to, each naming its site by key,
   * "support@acme.example=acme, help@other.example=other"; an address without "=key" belongs to the only site.
   * Unset: no mail is taken in, and ticket emails say that replies are not read.
   */
  SUPPORT_ADDRESSES: z
    .string()
    .regex(
      /^\s*[^\s,=@]+@[^\s,=@]+(=[A-Za-z0-9_-]{1,64})?\s*(,\s*[^\s,=@]+@[^\s,=@]+(=[A-Za-z0-9_-]{1,64})?\s*)*$/,
      "a comma-separated list of address or address=siteKey",
    )
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The SMTP receiver a mail server forwards support mail to; unset: off. */
  SMTP_INBOUND_PORT: z
    .literal("")
    .transform(() => undefined)
    .or(z.coerce.number().int().min(0).max(65535).optional()),
  /** Where the receiver listens: loopback by default, for a forwarder on the same machine. */
  SMTP_INBOUND_HOST: z.string().min(1).default("127.0.0.1"),
  /** Only these client addresses may deliver (comma-separated IPs); unset: any client that reaches the port. */
  SMTP_INBOUND_ALLOWED_CLIENTS: z
    .string()
    .regex(/^[0-9a-fA-F.:,\s]*$/, "a comma-separated list of IP addresses")
    .optional(),
  /** Largest inbound email in bytes, attachments included (SMTP SIZE; larger is refused with 552). */
  INBOUND_EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** A hosted mailbox to poll instead of (or as well as) the SMTP receiver, e.g. `imaps://user:pass@imap.example.com/INBOX`. */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, "must be an imap:// or imaps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  IMAP_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
});

/** A support address and the site its mail belongs to (null: the only site). */
export interface SupportAddress {
  /** Lowercased, e.g. "support@acme.example". */
  address: string;
  siteKey: string | null;
}

export interface InboundEmailConfig {
  addresses: SupportAddress[];
  /** The SMTP receiver; null when SMTP_INBOUND_PORT is unset. */
  smtp: { port: number; host: string; allowedClients: string[] } | null;
  maxBytes: number;
  /** The mailbox poller; null when IMAP_URL is unset. */
  imap: { url: string; pollIntervalMs: number } | null;
}

export interface Config {
  port: number;
  host: string;
  /** Set once the server listens and knows its real port (PORT=0 in tests). */
  publicUrl: string | undefined;
  mongoUri: string | undefined;
  dataDir: string;
  attachmentsDir: string;
  demo: boolean;
  /** NODE_ENV=production (`npm run serve` sets it): outside demo mode, the demo accounts are refused at start. */
  production: boolean;
  devdbRestartDelayMs: number;
  logLevel: string;
  secureCookies: boolean;
  presenceGraceMs: number;
  attachmentMaxBytes: number;
  slaWatchIntervalMs: number;
  chatAlertIntervalMs: number;
  visitorGoneSweepMs: number;
  historyPageMs: number;
  commandStallMs: number;
  offerSweepIntervalMs: number;
  /** Unset: no email leaves the server (each one is logged as skipped). */
  smtpUrl: string | undefined;
  emailFrom: string;
  /** Tickets by email. */
  inboundEmail: InboundEmailConfig;
  visitorEvents: { capacity: number; perSecond: number };
  apiRequests: { capacity: number; perSecond: number };
  redisUrl: string | undefined;
  redisPrefix: string;
  metricsToken: string | undefined;
  emailRetry: { intervalMs: number; baseMs: number };
  /** Express's `trust proxy` value: false, a hop count, or a list of addresses and subnets. */
  trustProxy: false | number | string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${first?.path.join(".")}: ${first?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    mongoUri: e.MONGODB_URI,
    dataDir: path.resolve(REPO_ROOT, e.PARLEY_DATA_DIR ?? "data"),
    attachmentsDir: path.resolve(REPO_ROOT, e.ATTACHMENTS_DIR ?? path.join(e.PARLEY_DATA_DIR ?? "data", "attachments")),
    demo: e.PARLEY_DEMO,
    production: e.NODE_ENV === "production",
    devdbRestartDelayMs: e.DEVDB_RESTART_DELAY_MS,
    logLevel: e.LOG_LEVEL,
    secureCookies: (e.PUBLIC_URL ?? "").startsWith("https:"),
    presenceGraceMs: e.PRESENCE_GRACE_MS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    slaWatchIntervalMs: e.SLA_WATCH_INTERVAL_MS,
    chatAlertIntervalMs: e.CHAT_ALERT_INTERVAL_MS,
    visitorGoneSweepMs: e.VISITOR_GONE_SWEEP_MS,
    historyPageMs: e.HISTORY_PAGE_MS,
    commandStallMs: e.COMMAND_STALL_MS,
    offerSweepIntervalMs: e.OFFER_SWEEP_INTERVAL_MS,
    smtpUrl: e.SMTP_URL,
    emailFrom: e.EMAIL_FROM,
    inboundEmail: {
      addresses: parseSupportAddresses(e.SUPPORT_ADDRESSES),
      smtp:
        e.SMTP_INBOUND_PORT === undefined
          ? null
          : {
              port: e.SMTP_INBOUND_PORT,
              host: e.SMTP_INBOUND_HOST,
              allowedClients: list(e.SMTP_INBOUND_ALLOWED_CLIENTS),
            },
      maxBytes: e.INBOUND_EMAIL_MAX_BYTES,
      imap: e.IMAP_URL ? { url: e.IMAP_URL, pollIntervalMs: e.IMAP_POLL_INTERVAL_MS } : null,
    },
    visitorEvents: { capacity: e.VISITOR_EVENT_BURST, perSecond: e.VISITOR_EVENT_RATE },
    apiRequests: { capacity: e.API_KEY_BURST, perSecond: e.API_KEY_RATE },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    metricsToken: e.METRICS_TOKEN,
    emailRetry: { intervalMs: e.EMAIL_RETRY_INTERVAL_MS, baseMs: e.EMAIL_RETRY_BASE_MS },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

function parseTrustProxy(value: string | undefined): Config["trustProxy"] {
  const v = value?.trim() ?? "";
  if (v === "") return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

function parseSupportAddresses(value: string | undefined): SupportAddress[] {
  return list(value).map((entry) => {
    const [address = "", siteKey] = entry.split("=");
    return { address: address.trim().toLowerCase(), siteKey: siteKey?.trim() || null };
  });
}
