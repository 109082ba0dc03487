// Real server, real database, real sockets: the pieces the integration tests drive.
import { randomBytes } from "node:crypto";
import type {
  Ack,
  AckData,
  AgentClientToServerEvents,
  AgentRole,
  AgentServerToClientEvents,
  AssignmentMode,
  agentEventSchemas,
  ConversationStartInput,
  Environment,
  MessageDto,
  Product,
  QueueStatusDto,
  VisitorClientToServerEvents,
  VisitorConversationDto,
  VisitorServerToClientEvents,
  visitorEventSchemas,
} from "@parley/shared";
import mongoose, { type Types } from "mongoose";
import { io, type Socket } from "socket.io-client";
import { inject } from "vitest";
import type { z } from "zod";
import { Agent } from "../src/agents/agent.model.ts";
import { hashPassword } from "../src/agents/password.ts";
import { type ParleyServer, startParley } from "../src/app/parley-server.ts";
import { loadConfig } from "../src/config/config.ts";
import { createLogger } from "../src/logging/logger.ts";
import { Site } from "../src/sites/site.model.ts";
import type { Clock } from "../src/time/clock.ts";

export { ManualClock } from "./manual-clock.ts";

export type VisitorClient = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type StaffClient = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

export const TEST_ENVIRONMENT: Environment = {
  url: "https://shop.example.test/checkout",
  referrer: "https://search.example.test/",
  userAgent: "vitest",
  language: "en-GB",
  timeZone: "Europe/London",
};

/**
 * What a test does to a server over the network: sign in, mint visitor tokens, open sockets. The single-process
 * TestServer and each node of a TestCluster are both one of these.
 */
export abstract class ServerClient {
  private sockets: Socket[] = [];

  abstract get url(): string;

  async login(email: string, password: string): Promise<{ status: number; cookie: string | null; body: unknown }> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const setCookie = res.headers.get("set-cookie");
    return { status: res.status, cookie: setCookie ? (setCookie.split(";")[0] ?? null) : null, body: await res.json() };
  }

  async visitorToken(siteKey: string, origin?: string): Promise<string> {
    const res = await fetch(`${this.url}/api/widget/session`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
      body: JSON.stringify({ siteKey }),
    });
    if (res.status !== 201) throw new Error(`visitor session: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { visitorToken: string }).visitorToken;
  }

  visitorSocket(auth: unknown, headers: Record<string, string> = {}): VisitorClient {
    return this.track(
      io(`${this.url}/visitor`, {
        auth: auth as object,
        transports: ["websocket"],
        forceNew: true,
        extraHeaders: headers,
      }),
    );
  }

  staffSocket(cookie: string | null, headers: Record<string, string> = {}): StaffClient {
    return this.track(
      io(`${this.url}/agent`, {
        transports: ["websocket"],
        forceNew: true,
        extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
      }),
    );
  }

  /** A signed-in staff member with a connected socket, online (see {@link staffMember}). */
  staff(site: Types.ObjectId, role: AgentRole = "agent", name?: string) {
    return staffMember(this, site, { role, ...(name ? { name } : {}) });
  }

  /** A visitor with a token and a connected socket. */
  async visitor(siteKey: string, origin?: string) {
    const token = await this.visitorToken(siteKey, origin);
    const socket = this.visitorSocket({ siteKey, visitorToken: token }, origin ? { origin } : {});
    await connected(socket);
    return { token, socket };
  }

  private track<S extends Socket>(socket: S): S {
    this.sockets.push(socket);
    return socket;
  }

  protected closeSockets(): void {
    for (const s of this.sockets.splice(0)) s.disconnect();
  }
}

export class TestServer extends ServerClient {
  private constructor(
    public server: ParleyServer,
    readonly dbName: string,
    private readonly env: Record<string, string> = {},
    private readonly clock?: Clock,
  ) {
    super();
  }

  get url(): string {
    return this.server.url;
  }

  /**
   * Starts Parley on a random port against a fresh database of the suite's devdb. `env` adds settings
   * to the test configuration (e.g. a short PRESENCE_GRACE_MS); a restart keeps them. `clock` replaces
   * the server's notion of now (see {@link ManualClock}).
   */
  static async start(
    dbName = `t_${randomBytes(6).toString("hex")}`,
    env: Record<string, string> = {},
    clock?: Clock,
  ): Promise<TestServer> {
    return new TestServer(await TestServer.boot(dbName, 0, env, clock), dbName, env, clock);
  }

  private static boot(
    dbName: string,
    port = 0,
    env: Record<string, string> = {},
    clock?: Clock,
  ): Promise<ParleyServer> {
    const level = process.env.TEST_LOG_LEVEL ?? "silent";
    const config = loadConfig({ ...env, PORT: String(port), LOG_LEVEL: level });
    return startParley({
      config,
      logger: createLogger(level as "silent"),
      mongoUri: inject("mongoUri"),
      dbName,
      ...(clock ? { clock } : {}),
    });
  }

  /**
   * Stops the process's server and starts a new one on the same database: a server restart.
   * `whileDown` runs in between, with its own connection, for what happens during the downtime.
   */
  async restart(whileDown?: (db: mongoose.mongo.Db) => Promise<void>): Promise<void> {
    this.closeSockets();
    const port = new URL(this.url).port;
    await this.server.stop();
    if (whileDown) {
      const client = await mongoose.mongo.MongoClient.connect(inject("mongoUri"));
      try {
        await whileDown(client.db(this.dbName));
      } finally {
        await client.close();
      }
    }
    // Same port, as a restarted deployment keeps its address (and so its origin).
    this.server = await TestServer.boot(this.dbName, Number(port), this.env, this.clock);
  }

  async stop(): Promise<void> {
    this.closeSockets();
    await mongoose.connection.dropDatabase();
    await this.server.stop();
  }

  /**
   * A site that embeds from this server. Manual assignment unless asked otherwise: the chat and delivery
   * suites accept chats by hand, and only the routing suites want offers ringing.
   */
  async createSite(
    key = `site${randomBytes(4).toString("hex")}`,
    origins?: string[],
    settings: { assignmentMode?: AssignmentMode; offerTimeoutSeconds?: number; products?: Product[] } = {},
  ) {
    const site = await Site.create({
      key,
      name: key,
      allowedOrigins: origins ?? [...this.server.origins.all],
      assignmentMode: settings.assignmentMode ?? "manual",
      offerTimeoutSeconds: settings.offerTimeoutSeconds ?? 30,
      products: settings.products ?? [],
    });
    return site.toObject();
  }

  async createAgent(site: Types.ObjectId, role: AgentRole = "agent", name = "Ana Agent") {
    const email = `${role}-${randomBytes(4).toString("hex")}@example.test`;
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const agent = await Agent.create({ site, email, name, role, passwordHash: await hashPassword(password) });
    return { agent: agent.toObject(), email, password };
  }
}

export function connected(socket: Socket): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

/** Resolves with the connect_error a refused handshake produces. */
export function refused(socket: Socket): Promise<Error & { data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => reject(new Error("connection was accepted")));
    socket.once("connect_error", (err) => resolve(err as Error & { data?: { code?: string } }));
  });
}

/** A socket of one of the two namespaces, and the commands its map declares. */
export type CommandSocket = VisitorClient | StaffClient;
export type CommandsOf<S extends CommandSocket> = S extends Socket<infer _Listen, infer Emit> ? Emit : never;
export type CommandName<S extends CommandSocket> = keyof CommandsOf<S> & string;
type SchemasOf<S extends CommandSocket> =
  CommandsOf<S> extends AgentClientToServerEvents ? typeof agentEventSchemas : typeof visitorEventSchemas;
/**
 * What the event's schema accepts: the map's payload with defaulted fields optional, as a client may send
 * it (the map types what the schema hands the handler).
 */
export type CommandInput<S extends CommandSocket, K extends CommandName<S>> = z.input<
  SchemasOf<S>[K & keyof SchemasOf<S>]
>;

/**
 * Emits and waits for the ack. The event must be one the socket's namespace declares and the payload its
 * type (shared/src/events.ts), so a misspelt event or a wrong payload does not compile; the answer's data
 * is the event's. Tests of what the server refuses send through {@link callUnchecked}.
 */
export function call<S extends CommandSocket, K extends CommandName<S>>(
  socket: S,
  event: K,
  payload: CommandInput<S, K>,
  opts: { timeoutMs?: number } = {},
): Promise<Ack<AckData<CommandsOf<S>, K>>> {
  // socket.io's typings cannot follow a generic event name through timeout(); the signature above is
  // what holds tests to the contract.
  const timed = socket.timeout(opts.timeoutMs ?? 5_000) as unknown as {
    emitWithAck(event: K, payload: CommandInput<S, K>): Promise<Ack<AckData<CommandsOf<S>, K>>>;
  };
  return timed.emitWithAck(event, payload);
}

/** Unwraps a successful ack or fails the test with the error it carried. */
export async function ok<S extends CommandSocket, K extends CommandName<S>>(
  socket: S,
  event: K,
  payload: CommandInput<S, K>,
  opts: { timeoutMs?: number } = {},
): Promise<AckData<CommandsOf<S>, K>> {
  return unwrap(event, await call(socket, event, payload, opts));
}

/**
 * Sends any event with any payload, unchecked by the event maps: only for tests of what the server does
 * with input no client of ours would send (zod refusals, unknown events).
 */
export async function callUnchecked(
  socket: Socket,
  event: string,
  payload: unknown,
  opts: { timeoutMs?: number } = {},
): Promise<Ack<unknown>> {
  return (await socket.timeout(opts.timeoutMs ?? 5_000).emitWithAck(event, payload)) as Ack<unknown>;
}

function unwrap<T>(event: string, res: Ack<T>): T {
  if (!res.ok) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** Collects events of one name as they arrive. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for condition");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function waitForAsync(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for condition");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const msgId = (): string => randomBytes(8).toString("hex");

export function startInput(body = "Hello, I need help", name = "Vera Visitor") {
  return { clientMsgId: msgId(), name, email: "vera@example.test", body, environment: TEST_ENVIRONMENT };
}

// ---- Routing: agents with capacity and products, offers, waiting visitors ----

export type StaffMember = Awaited<ReturnType<typeof staffMember>>;

/** One argon2 hash for every routing-suite agent: hashing 20 passwords would cost more than the tests. */
const ROUTING_PASSWORD = "routing-suite-password";
let routingHash: Promise<string> | undefined;

/**
 * A signed-in staff member with a capacity and product tags set before their console connects (so the
 * first routing pass already sees them), who is online once this resolves.
 */
export async function staffMember(
  t: ServerClient,
  site: Types.ObjectId,
  opts: { role?: AgentRole; name?: string; capacity?: number; products?: string[] } = {},
) {
  routingHash ??= hashPassword(ROUTING_PASSWORD);
  const role = opts.role ?? "agent";
  const email = `${role}-${randomBytes(4).toString("hex")}@example.test`;
  const created = await Agent.create({
    site,
    email,
    name: opts.name ?? "Ana Agent",
    role,
    passwordHash: await routingHash,
    ...(opts.capacity !== undefined ? { capacity: opts.capacity } : {}),
    products: opts.products ?? [],
  });
  const agent = created.toObject();
  const { cookie } = await t.login(email, ROUTING_PASSWORD);
  const socket = t.staffSocket(cookie);
  await connected(socket);
  await waitForAsync(async () => (await Agent.findById(agent._id).lean())?.status === "online");
  return { agent, id: agent._id.toHexString(), name: agent.name, socket, cookie, email, password: ROUTING_PASSWORD };
}

/** The agent's row as stored now. */
export async function agentRow(id: Types.ObjectId | string) {
  const row = await Agent.findById(id).lean();
  if (!row) throw new Error(`no agent ${String(id)}`);
  return row;
}

/** Ids of the conversations offered to `agentId`, in the order the offers arrived (each once per offer). */
export function offersTo(socket: StaffClient, agentId: string): string[] {
  const seen: string[] = [];
  const ringing = new Set<string>();
  socket.on("conversation:updated", (c) => {
    const toMe = c.status === "queued" && c.offer?.agent.id === agentId;
    if (toMe && !ringing.has(c.id)) {
      ringing.add(c.id);
      seen.push(c.id);
    } else if (!toMe) {
      ringing.delete(c.id);
    }
  });
  return seen;
}

/**
 * Makes a staff member accept every offer that rings them, as a console with a very quick agent would.
 * `accepted` lists what they took; `refused` any accept the server turned down (with its code).
 */
export function autoAccept(member: { socket: StaffClient; id: string }) {
  const accepted: string[] = [];
  const refused: { id: string; code: string }[] = [];
  const handled = new Set<string>();
  member.socket.on("conversation:updated", (c) => {
    if (c.status !== "queued" || c.offer?.agent.id !== member.id || handled.has(c.id)) return;
    handled.add(c.id);
    call(member.socket, "conversation:accept", { conversationId: c.id }).then(
      (res) => (res.ok ? accepted.push(c.id) : refused.push({ id: c.id, code: res.error.code })),
      () => refused.push({ id: c.id, code: "NO_ACK" }),
    );
  });
  return { accepted, refused };
}

/**
 * A visitor who starts a chat, with their `queue:updated`, `conversation:updated` and `message:new`
 * events collected from before the start so none is missed.
 */
export async function waitingVisitor(t: ServerClient, siteKey: string, input: Partial<ConversationStartInput> = {}) {
  const visitor = await t.visitor(siteKey);
  const queue = collect<QueueStatusDto>(visitor.socket, "queue:updated");
  const updates = collect<VisitorConversationDto>(visitor.socket, "conversation:updated");
  const messages = collect<MessageDto>(visitor.socket, "message:new");
  const started = await ok(visitor.socket, "conversation:start", { ...startInput(), ...input });
  return { ...visitor, id: started.conversation.id, started, queue, updates, messages };
}

/** A command the server sent, as the driver reported it. */
export interface RecordedCommand {
  name: string;
  collection: string;
  /** The filters it carries: find's and count's `filter`/`query`, each update's and delete's `q`. */
  filters: Record<string, unknown>[];
}

/** Records the commands the server sends to its database until `stop()` (the driver's command monitoring). */
export function recordCommands(): { commands: RecordedCommand[]; stop(): void } {
  const client = mongoose.connection.getClient();
  const commands: RecordedCommand[] = [];
  const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
    const c = e.command;
    const statements = (key: string) =>
      ((c[key] as Array<{ q: Record<string, unknown> }> | undefined) ?? []).map((s) => s.q);
    const filters =
      e.commandName === "update"
        ? statements("updates")
        : e.commandName === "delete"
          ? statements("deletes")
          : [c.filter ?? c.query].filter((f): f is Record<string, unknown> => f !== undefined);
    commands.push({ name: e.commandName, collection: String(c[e.commandName] ?? ""), filters });
  };
  client.on("commandStarted", listener);
  return { commands, stop: () => client.off("commandStarted", listener) };
}

/** The value, or the test fails saying what is missing: for something looked up that a later command sends on. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The last item that matches (Array#findLast is ES2023; the server targets ES2022). */
export function lastOf<T>(items: readonly T[], match: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as T;
    if (match(item)) return item;
  }
  return undefined;
}
