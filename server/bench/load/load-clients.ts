// The load clients of `npm run bench:load`: the same code drives Parley and the bare relay, so the only
// difference between the two columns is the server. Open loop: messages go out on a schedule, whether or not the
// server keeps up, and every one is accounted for (acked, delivered, lost, duplicated).
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";

export interface Chat {
  id: string;
  visitor: Socket;
  agent: Socket;
}

interface Sent {
  at: number;
  ackedAt: number | null;
  failed: string | null;
  deliveries: number;
  deliveredAt: number | null;
}

export interface StepResult {
  offered: number;
  sent: number;
  acked: number;
  delivered: number;
  errors: number;
  lost: number;
  duplicated: number;
  ackedPerSecond: number;
  deliveredPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Send → ack, for when the server stores before answering. */
  ackP99: number;
  firstError: string | null;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function connect(url: string, opts: { auth?: object; cookie?: string }): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
  });
}

export async function ack<T>(socket: Socket, event: string, payload: unknown, timeoutMs = 30_000): Promise<T> {
  const res = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as {
    ok: boolean;
    data: T;
    error?: { code: string; message: string };
  };
  if (!res.ok) throw new Error(`${event}: ${res.error?.code} ${res.error?.message}`);
  return res.data;
}

/** Opens `count` chats: each visitor starts one, and agent `i % agents` accepts it (joining its room). */
export async function openChats(
  visitors: Socket[],
  agents: Socket[],
  environment: object | undefined,
  concurrency = 20,
): Promise<Chat[]> {
  const chats: Chat[] = [];
  let next = 0;
  const worker = async () => {
    while (next < visitors.length) {
      const i = next++;
      const visitor = visitors[i] as Socket;
      const agent = agents[i % agents.length] as Socket;
      const started = await ack<{ conversation: { id: string } }>(visitor, "conversation:start", {
        clientMsgId: `start_${i.toString().padStart(6, "0")}`,
        name: `Visitor ${i}`,
        body: "Hello, I need help with my order",
        ...(environment ? { environment } : {}),
      });
      await ack(agent, "conversation:accept", { conversationId: started.conversation.id });
      chats[i] = { id: started.conversation.id, visitor, agent };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return chats;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);

let stepNo = 0;

/**
 * Offers `rate` visitor messages a second, round robin over the chats, for `seconds`, then waits for what is
 * still in flight (up to `drainMs`). Latency is visitor send → agent receive, on this process's clock.
 */
export async function runStep(
  chats: Chat[],
  rate: number,
  seconds: number,
  drainMs = 15_000,
  during?: () => Promise<void>,
): Promise<StepResult> {
  const step = ++stepNo;
  const sent = new Map<string, Sent>();
  const agents = [...new Set(chats.map((c) => c.agent))];
  const onMessage = (m: { clientMsgId: string; author?: { kind: string } }) => {
    if (m.author?.kind !== "visitor") return;
    const s = sent.get(m.clientMsgId);
    if (!s) return;
    s.deliveries++;
    if (s.deliveredAt === null) s.deliveredAt = performance.now();
  };
  for (const a of agents) a.on("message:new", onMessage);

  const total = Math.round(rate * seconds);
  let firstError: string | null = null;
  const t0 = performance.now();
  const background = during?.();
  let n = 0;
  while (n < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    for (; n < due; n++) {
      const chat = chats[n % chats.length] as Chat;
      const clientMsgId = `s${step}_${n.toString().padStart(7, "0")}`;
      const record: Sent = { at: performance.now(), ackedAt: null, failed: null, deliveries: 0, deliveredAt: null };
      sent.set(clientMsgId, record);
      chat.visitor
        .timeout(drainMs)
        .emit(
          "message:send",
          { conversationId: chat.id, clientMsgId, body: `Message ${n} of step ${step}: still there?` },
          (err: Error | null, res: { ok: boolean; error?: { code: string } }) => {
            if (err || !res.ok) {
              record.failed = err ? "timeout" : (res.error?.code ?? "error");
              firstError ??= record.failed;
            } else record.ackedAt = performance.now();
          },
        );
    }
    await sleep(2);
  }
  const sendEnd = performance.now();
  const settled = () =>
    [...sent.values()].every((s) => s.failed !== null || (s.ackedAt !== null && s.deliveredAt !== null));
  while (!settled() && performance.now() - sendEnd < drainMs) await sleep(10);
  await background;
  // A late duplicate would show up here.
  await sleep(100);
  for (const a of agents) a.off("message:new", onMessage);

  const rows = [...sent.values()];
  const acked = rows.filter((s) => s.ackedAt !== null);
  const delivered = rows.filter((s) => s.deliveredAt !== null);
  const latencies = delivered.map((s) => (s.deliveredAt as number) - s.at).sort((a, b) => a - b);
  const ackLatencies = acked.map((s) => (s.ackedAt as number) - s.at).sort((a, b) => a - b);
  const lastAck = Math.max(...acked.map((s) => s.ackedAt as number), t0 + 1);
  const lastDelivery = Math.max(...delivered.map((s) => s.deliveredAt as number), t0 + 1);
  return {
    offered: rate,
    sent: rows.length,
    acked: acked.length,
    delivered: delivered.length,
    errors: rows.filter((s) => s.failed !== null).length,
    lost: acked.filter((s) => s.deliveredAt === null).length,
    duplicated: rows.filter((s) => s.deliveries > 1).length,
    // Over the whole span from the first send to the last answer: a server that falls behind stretches it.
    ackedPerSecond: (acked.length * 1000) / Math.max(lastAck - t0, seconds * 1000),
    deliveredPerSecond: (delivered.length * 1000) / Math.max(lastDelivery - t0, seconds * 1000),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    ackP99: percentile(ackLatencies, 0.99),
    firstError,
  };
}

/** Kept up with the offered rate: everything delivered, nearly on time, no errors. */
export const keptUp = (r: StepResult): boolean =>
  r.errors === 0 && r.lost === 0 && r.deliveredPerSecond >= 0.95 * r.offered && r.p99 < 1_000;

/** Connects `count` sockets at once; resolves with them and how long it took until the last one was in. */
export async function connectMany(
  count: number,
  open: (i: number) => Promise<Socket>,
): Promise<{ sockets: Socket[]; ms: number }> {
  const t0 = performance.now();
  const sockets = await Promise.all(Array.from({ length: count }, (_, i) => open(i)));
  return { sockets, ms: performance.now() - t0 };
}
