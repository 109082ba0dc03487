import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { TicketDoc } from "./ticket.model.ts";
import type { TicketNotifier } from "./ticket-notifier.ts";
import { recordAll, type TicketActor, type TimelineLine } from "./ticket-timeline.ts";
import { type TicketAction, transition } from "./ticket-transitions.ts";
import { updateTicketIf } from "./ticket-writes.ts";

type StoredClock = NonNullable<TicketDoc["workaroundClock"]>;

export const statusWords = (status: string): string => status.replaceAll("_", " ");

/**
 * Moves a ticket through one action of its lifecycle (ticket-transitions.ts decides whether it may), with
 * what that does to the SLA clocks: waiting on the customer pauses both, leaving that resumes them, a
 * workaround or a resolution meets the workaround target (and the response target, if no reply came
 * first: the customer has been answered). Recorded on the timeline and announced.
 */
export async function changeStatus(
  ticket: TicketDoc,
  action: TicketAction,
  actor: TicketActor,
  ctx: { site: SiteDoc; now: Date; notifier: TicketNotifier },
  extra: { set?: Record<string, unknown>; guard?: Record<string, unknown>; text?: string; lines?: TimelineLine[] } = {},
): Promise<TicketDoc> {
  const { now } = ctx;
  const result = transition(ticket.status, action, actor.kind);
  if (!result.ok) throw new AppError("CONFLICT", result.reason);
  const withEffects = (c: StoredClock, meets: boolean): StoredClock => {
    let pauses = c.pauses.map((p) => ({ from: p.from, to: p.to ?? null }));
    if (result.effects.resume) pauses = pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
    if (result.effects.pause && !c.metAt) pauses = [...pauses, { from: now, to: null }];
    return { ...c, pauses, metAt: c.metAt ?? (meets ? now : null) } as StoredClock;
  };
  const meets = result.effects.meetsWorkaround;
  const set: Record<string, unknown> = {
    status: result.to,
    responseClock: withEffects(ticket.responseClock, meets),
    workaroundClock: ticket.workaroundClock ? withEffects(ticket.workaroundClock, meets) : null,
    ...extra.set,
  };
  if (result.to === "resolved") set.resolvedAt = now;
  else if (ticket.status === "resolved") set.resolvedAt = null;
  if (result.to === "closed") set.closedAt = now;
  const updated = await updateTicketIf(ticket, extra.guard ?? {}, set, ctx.site, now);
  if (!updated) throw new AppError("CONFLICT", "The ticket changed meanwhile; reload it");
  // Announced before the timeline line is written: the change has happened, whatever befalls the log.
  ctx.notifier.changed(updated, ctx.site, now, { statusFrom: ticket.status });
  // Lines the caller wrote up before this change (the SLA watch's marks) go in the same write.
  await recordAll(ticket._id, actor, now, [
    ...(extra.lines ?? []),
    {
      type: "status",
      text: extra.text ?? `changed the status from ${statusWords(ticket.status)} to ${statusWords(result.to)}`,
      change: { from: ticket.status, to: result.to },
    },
  ]);
  return updated;
}
