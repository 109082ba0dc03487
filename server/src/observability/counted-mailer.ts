import type { ServerMailer } from "../email/smtp-mailer.ts";
import type { Metrics } from "./metrics.ts";

/** The mailer, with each send's outcome counted for /metrics. */
export function countedMailer(mailer: ServerMailer, metrics: Metrics): ServerMailer {
  return {
    ...mailer,
    send: async (mail) => {
      const outcome = await mailer.send(mail);
      metrics.emails.inc({ outcome });
      return outcome;
    },
  };
}
