import type { Ack, AckData } from "@parley/shared";
import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import type { InflightTracker } from "./inflight.ts";

type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;

export type CommandHandlers<Events, Ctx> = {
  [K in keyof Events & string]: (input: PayloadOf<Events[K]>, ctx: Ctx) => Promise<AckData<Events, K>>;
};

/** The handlers one domain contributes; a namespace's full table is the spread of its domains'. */
export type HandlerGroup<Events, Ctx, K extends keyof Events & string> = Pick<CommandHandlers<Events, Ctx>, K>;

interface RegisterOptions<Events, Ctx> {
  socket: Socket;
  schemas: { [K in keyof Events & string]: z.ZodType<PayloadOf<Events[K]>, unknown> };
  handlers: CommandHandlers<Events, Ctx>;
  /** Runs before every event: the connection being authenticated once is not enough. */
  authorize: () => Promise<Ctx>;
  logger: Logger;
  inflight: InflightTracker;
}

/**
 * Wires every client→server event of a namespace: parse with the shared schema,
 * authorize, run, and answer with exactly one ack. Unknown events are answered
 * with an error rather than dropped silently.
 */
export function registerCommands<Events, Ctx>(opts: RegisterOptions<Events, Ctx>): void {
  const { socket, schemas, handlers, logger } = opts;
  const names = new Set<string>(Object.keys(schemas));

  for (const name of names) {
    const schema = schemas[name as keyof Events & string];
    const handler = handlers[name as keyof Events & string] as (input: unknown, ctx: Ctx) => Promise<unknown>;
    socket.on(name, (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") {
        logger.debug({ event: name }, "event without ack ignored");
        return;
      }
      const reply = ack as (result: Ack<unknown>) => void;
      void opts.inflight.run(async () => {
        try {
          const input = parseInput(schema, payload);
          const ctx = await opts.authorize();
          reply({ ok: true, data: await handler(input, ctx) });
        } catch (err) {
          const appError = AppError.from(err);
          if (appError.code === "INTERNAL") logger.error({ err, event: name }, "event handler failed");
          reply({ ok: false, error: appError.toBody() });
        }
      });
    });
  }

  socket.onAny((name: string, ...args: unknown[]) => {
    if (names.has(name)) return;
    const ack = args.at(-1);
    if (typeof ack === "function") {
      ack({ ok: false, error: { code: "BAD_REQUEST", message: `Unknown event ${name}` } });
    }
  });
}
