import type { TicketDto, TicketEscalateInput } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { requireLiaison, staffActor, type TicketDesk } from "./ticket-desk.ts";
import { toTicketDto } from "./ticket-dto.ts";
import { formatTicketNumber } from "./ticket-number.ts";
import { changeStatus } from "./ticket-status.ts";
import { SYSTEM_ACTOR, type TicketActor, type TimelineLine } from "./ticket-timeline.ts";

/** A staff member escalates, with the reason and a phone number to reach the customer (the policy asks both). */
export async function escalateByStaff(
  desk: TicketDesk,
  agent: AgentDoc,
  input: TicketEscalateInput,
): Promise<TicketDto> {
  const { ticket, site } = await desk.ticketFor(agent, input.ticketId);
  requireLiaison(agent, ticket);
  const updated = await escalate(desk, ticket, site, staffActor(agent), input.reason, input.phone);
  return toTicketDto(updated, site.supportHours, desk.clock());
}

/** The SLA watch escalates a ticket whose target was breached; `alongside` is written in the same update. */
/** What the SLA watch writes with its escalation, the claim's extra conditions, and what it announces once it won. */
interface Alongside {
  set?: Record<string, unknown>;
  guard?: Record<string, unknown>;
  lines?: TimelineLine[];
  afterClaim?: () => Promise<void>;
}

export function escalateOnBreach(
  desk: TicketDesk,
  ticket: TicketDoc,
  site: SiteDoc,
  target: "response" | "workaround",
  alongside: Alongside = {},
): Promise<TicketDoc> {
  const words = target === "response" ? "first-response" : "workaround";
  return escalate(desk, ticket, site, SYSTEM_ACTOR, `The ${words} target was breached`, null, alongside);
}

async function escalate(
  desk: TicketDesk,
  ticket: TicketDoc,
  site: SiteDoc,
  actor: TicketActor,
  reason: string,
  phone: string | null,
  alongside: Alongside = {},
): Promise<TicketDoc> {
  const now = desk.clock();
  const automatic = actor.kind === "system";
  const updated = await changeStatus(
    ticket,
    "escalate",
    actor,
    { site, now, notifier: desk.notifier },
    {
      set: { ...alongside.set, escalation: { at: now, automatic, by: actor.name, reason, phone } },
      guard: alongside.guard ?? {},
      lines: alongside.lines ?? [],
      text: automatic ? `escalated the ticket: ${reason}` : `escalated the ticket: ${reason} (phone ${phone})`,
    },
  );
  await alongside.afterClaim?.();
  await desk.notifier.alert(updated, site, {
    ticketId: updated._id.toHexString(),
    number: formatTicketNumber(updated.number),
    subject: updated.fields.subject,
    kind: "escalated",
    target: null,
    at: now.toISOString(),
    text: automatic ? `Escalated automatically: ${reason}` : `Escalated by ${actor.name}: ${reason}`,
  });
  return updated;
}
