import type { AgentClientToServerEvents, OutboxEmailDto } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import { toObjectId } from "../db/object-id.ts";
import type { EmailOutbox } from "../email/email-outbox.ts";
import { OutboxMail, type OutboxMailDoc } from "../email/outbox-mail.model.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";

const toDto = (m: OutboxMailDoc): OutboxEmailDto => ({
  id: m._id.toHexString(),
  kind: m.kind,
  ticket: m.ticket ?? "",
  status: m.status,
  attempts: m.attempts,
  nextAttemptAt: m.nextAttemptAt.toISOString(),
  createdAt: m.createdAt.toISOString(),
});

/** The outbox holds only what is undelivered, so listing a site's share of it reads a small collection. */
async function siteOutbox(site: string): Promise<OutboxEmailDto[]> {
  const emails = await OutboxMail.find({ site }).sort({ createdAt: -1 }).limit(200).lean<OutboxMailDoc[]>();
  return emails.map(toDto);
}

/** Admins see their site's undelivered emails (never who they were for, nor their text) and can retry one. */
export function emailOutboxHandlers(
  outbox: Pick<EmailOutbox, "retry">,
): HandlerGroup<AgentClientToServerEvents, StaffContext, "email:outbox" | "email:retry"> {
  return {
    "email:outbox": async (_input, { agent }) => ({ emails: await siteOutbox(agent.site.toHexString()) }),
    "email:retry": async (input, { agent }) => {
      const site = agent.site.toHexString();
      const id = toObjectId(input.emailId);
      const mail = await OutboxMail.findById(id).lean<OutboxMailDoc>();
      if (!mail || mail.site !== site) throw new AppError("NOT_FOUND", "No such email");
      await outbox.retry(id);
      return { emails: await siteOutbox(site) };
    },
  };
}
