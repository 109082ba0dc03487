import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured logs. Message bodies and credentials are never passed to the logger;
 * the redact list is a second line of defence for headers that carry them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "parley" },
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.visitorToken", "*.body"],
      censor: "[redacted]",
    },
  });
}
