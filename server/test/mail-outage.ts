// The outbox suites' setup: a Parley whose mail server is down when it starts, and that comes back later.
import { afterAll, beforeAll } from "vitest";
import { TestServer } from "./harness.ts";
import { smtpSink } from "./smtp-sink.ts";

type Sink = Awaited<ReturnType<typeof smtpSink>>;

/**
 * Starts a server before the file's tests whose SMTP_URL names a local port nothing listens on, with the
 * outbox retrying in units of 100 ms (swept every 100 ms); `env` adds settings. `up()` starts a mail server
 * on that port, `down()` stops it again; both and the server end after the file's tests.
 */
export function mailServerDown(env: Record<string, string> = {}) {
  let port = 0;
  let server: TestServer | undefined;
  let sink: Sink | undefined;
  beforeAll(async () => {
    // A port that refuses: a sink's, closed again.
    const probe = await smtpSink();
    port = Number(new URL(probe.url).port);
    await probe.close();
    server = await TestServer.start(undefined, {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      EMAIL_RETRY_INTERVAL_MS: "100",
      EMAIL_RETRY_BASE_MS: "100",
      ...env,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });
  return {
    get t(): TestServer {
      if (!server) throw new Error("the mail-outage server is not started: use it inside a test or hook");
      return server;
    },
    /** The mail server answers again, on the port Parley was given; it keeps what it receives. */
    async up(): Promise<Sink> {
      await sink?.close();
      sink = await smtpSink(port);
      return sink;
    },
    async down(): Promise<void> {
      await sink?.close();
      sink = undefined;
    },
  };
}
