import { type DevDbHandle, type MiniLogger, startDevDb } from "./devdb.ts";

const MAX_RETRY_MS = 5_000;

/**
 * devdb as a supervised child: when it dies (crash, OOM, `kill -9`), it is started again on the same port, so
 * the URI the server and the admin CLI use stays right and the driver reconnects by itself. Retries back off from
 * DEVDB_RESTART_DELAY_MS (0.2 s) to 5 s and go on until it starts or the supervisor is stopped. Meanwhile requests are refused with
 * UNAVAILABLE (db/connection.ts notices the database is gone within half a second).
 */
export class DevDbSupervisor {
  private current: DevDbHandle;
  private stopped = false;
  /** The process id of the devdb running now (tests kill it). */
  get pid(): number {
    return this.current.pid;
  }

  private constructor(
    first: DevDbHandle,
    private readonly dataDir: string,
    private readonly port: number,
    private readonly log: MiniLogger,
    private readonly firstRetryMs: number,
  ) {
    this.current = first;
    this.watch(first);
  }

  readonly restarts: Date[] = [];

  get uri(): string {
    return this.current.uri;
  }

  static async start(opts: { dataDir: string; log: MiniLogger; firstRetryMs?: number }): Promise<DevDbSupervisor> {
    const first = await startDevDb({ dataDir: opts.dataDir, log: opts.log });
    const port = Number(new URL(first.uri).port);
    return new DevDbSupervisor(first, opts.dataDir, port, opts.log, opts.firstRetryMs ?? 200);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.current.stop();
  }

  private watch(handle: DevDbHandle): void {
    void handle.died.then(() => this.restart());
  }

  private async restart(): Promise<void> {
    let delay = this.firstRetryMs;
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.stopped) return;
      try {
        const next = await startDevDb({ dataDir: this.dataDir, port: this.port, log: this.log });
        if (this.stopped) {
          await next.stop();
          return;
        }
        this.current = next;
        this.restarts.push(new Date());
        this.log.warn({ event: "devdb_restarted", pid: next.pid, uri: next.uri }, "devdb restarted");
        this.watch(next);
        return;
      } catch (err) {
        this.log.error({ err, retryInMs: delay }, "devdb did not restart; trying again");
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      }
    }
  }
}
