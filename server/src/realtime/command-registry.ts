import type { Ack, AckData } from "@parley/shared";
import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import type { InflightTracker } from "./inflight.ts";

/** How a command ended, as metrics count it. */
export type CommandOutcome = "ok" | "error" | "refused";

type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;

export type CommandHandlers<Events, Ctx> = {
  [K in keyof Events & string]: (input: PayloadOf<Events[K]>, ctx: Ctx) => Promise<AckData<Events, K>>;
};

/** The handlers one domain contributes; a namespace's full table is its domains' groups merged (handlersOf). */
export type HandlerGroup<Events, Ctx, K extends keyof Events & string> = Pick<CommandHandlers<Events, Ctx>, K>;

/** The events a group serves, written out: they must be exactly its keys (a compile error names the others). */
type ListedEvents<H, E extends readonly PropertyKey[]> = E &
  ([Exclude<keyof H, E[number]>] extends [never] ? unknown : { unlisted: Exclude<keyof H, E[number]> });

/**
 * A handler group with the events it serves written out beside it, so that a namespace's file (app/namespaces/)
 * reads as its routing table: find an event's name there, and the group's import names its file. The list is checked
 * against the group both at compile time and at start.
 */
export function serves<H extends object, const E extends readonly (keyof H & string)[]>(
  events: ListedEvents<H, E>,
  handlers: H,
): H {
  const listed = [...events].sort().join(",");
  const actual = Object.keys(handlers).sort().join(",");
  if (listed !== actual) throw new Error(`handler group lists [${listed}] but serves [${actual}]`);
  return handlers;
}

/** The intersection of the groups' types: what the merged table serves, for CommandTable's completeness check. */
type Merged<G extends readonly object[]> = (
  G[number] extends infer U
    ? U extends unknown
      ? (u: U) => void
      : never
    : never
) extends (u: infer I) => void
  ? I
  : never;

/** A namespace's handlers, its groups merged. An event claimed by two groups stops the server at start. */
export function handlersOf<const G extends readonly object[]>(...groups: G): Merged<G> {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in table) throw new Error(`two handler groups serve "${name}"`);
      table[name] = handler;
    }
  }
  return table as Merged<G>;
}

interface TableOptions<Events, Ctx, S extends Socket> {
  schemas: { [K in keyof Events & string]: z.ZodType<PayloadOf<Events[K]>, unknown> };
  handlers: CommandHandlers<Events, Ctx>;
  /** Runs before every event: the connection being authenticated once is not enough. */
  authorize: (socket: S) => Promise<Ctx>;
  /** Whether this caller may send this command at all (staff roles); checked before its input or its handler. */
  permits?: (command: string, ctx: Ctx) => boolean;
  /** Told of every answer, with how long it took from arrival (metrics). */
  observe?: (command: string, outcome: CommandOutcome, seconds: number) => void;
  logger: Logger;
  inflight: InflightTracker;
}

/**
 * Every client→server event of a namespace: parse with the shared schema, authorize, run, and answer with
 * exactly one ack. Unknown events are answered with an error rather than dropped silently.
 *
 * Built once per namespace and shared by its sockets, each of which gets a single listener: thousands of idle
 * widgets stay connected, and a table of handlers (closures) per socket cost more than the socket itself
 * (docs/development.md, "Performance": heap per idle visitor connection).
 */
export class CommandTable<Events, Ctx, S extends Socket> {
  private readonly commands = new Map<
    string,
    { schema: z.ZodType<unknown, unknown>; handler: (input: unknown, ctx: Ctx) => Promise<unknown> }
  >();

  private sequence = 0;

  constructor(private readonly opts: TableOptions<Events, Ctx, S>) {
    for (const name of Object.keys(opts.schemas)) {
      this.commands.set(name, {
        schema: opts.schemas[name as keyof Events & string] as z.ZodType<unknown, unknown>,
        handler: opts.handlers[name as keyof Events & string] as (input: unknown, ctx: Ctx) => Promise<unknown>,
      });
    }
  }

  /** Starts answering the socket's events. */
  serve(socket: S): void {
    socket.onAny((name: string, ...args: unknown[]) => this.dispatch(socket, name, args));
  }

  private dispatch(socket: S, name: string, args: unknown[]): void {
    const { logger } = this.opts;
    const ack = args.at(-1);
    if (typeof ack !== "function") {
      logger.debug({ event: name }, "event without ack ignored");
      return;
    }
    const started = performance.now();
    // Ties the log lines of one command together (and to the socket that sent it).
    const eventId = `${socket.id}:${++this.sequence}`;
    const known = this.commands.get(name);
    const reply = (result: Ack<unknown>, outcome: CommandOutcome) => {
      (ack as (result: Ack<unknown>) => void)(result);
      const seconds = (performance.now() - started) / 1000;
      this.opts.observe?.(known ? name : "unknown", outcome, seconds);
      if (logger.isLevelEnabled("debug")) {
        const code = result.ok ? undefined : result.error.code;
        logger.debug({ event: "command", eventId, command: name, outcome, code, seconds }, "command answered");
      }
    };
    const command = known;
    if (!command) {
      reply({ ok: false, error: { code: "BAD_REQUEST", message: `Unknown event ${name}` } }, "refused");
      return;
    }
    const refusal = this.opts.inflight.refusal();
    if (refusal) {
      reply({ ok: false, error: { code: "UNAVAILABLE", message: refusal } }, "refused");
      return;
    }
    // Every command is answered, even one stuck on a database that stopped answering (the driver puts no limit on
    // that wait): past stallMs it is answered UNAVAILABLE, which clients retry, and its own answer is dropped.
    let answered = false;
    const answerOnce = (result: Ack<unknown>, outcome: CommandOutcome) => {
      if (answered) return;
      answered = true;
      reply(result, outcome);
    };
    const stall = setTimeout(() => {
      logger.warn({ event: "command_stalled", command: name, eventId }, "a command got no answer in time");
      answerOnce(
        { ok: false, error: { code: "UNAVAILABLE", message: "The server is not answering in time; try again" } },
        "error",
      );
    }, this.opts.inflight.stallMs);
    stall.unref();
    void this.opts.inflight.run(async () => {
      try {
        const ctx = await this.opts.authorize(socket);
        if (this.opts.permits && !this.opts.permits(name, ctx)) {
          throw new AppError("FORBIDDEN", "Your role does not allow this");
        }
        const input = parseInput(command.schema, args.length > 1 ? args[0] : undefined);
        answerOnce({ ok: true, data: await command.handler(input, ctx) }, "ok");
      } catch (err) {
        const appError = AppError.from(err);
        if (appError.code === "INTERNAL") logger.error({ err, event: name, eventId }, "event handler failed");
        answerOnce({ ok: false, error: appError.toBody() }, "error");
      } finally {
        clearTimeout(stall);
      }
    });
  }
}
