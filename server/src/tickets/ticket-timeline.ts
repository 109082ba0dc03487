import type { TicketEventDto, TicketStatus } from "@parley/shared";
import type { Types } from "mongoose";
import { TicketEvent } from "./ticket-event.model.ts";

/** Who did something to a ticket: a staff member, the customer, or Parley itself (the SLA watch). */
export interface TicketActor {
  kind: "staff" | "customer" | "system";
  id: Types.ObjectId | null;
  name: string;
}

export const SYSTEM_ACTOR: TicketActor = { kind: "system", id: null, name: "Parley" };

/** Appends one line to a ticket's timeline. */
export async function record(
  ticket: Types.ObjectId,
  actor: TicketActor,
  at: Date,
  type: TicketEventDto["type"],
  text: string,
  change: { from?: TicketStatus; to?: TicketStatus } = {},
): Promise<void> {
  await recordAll(ticket, actor, at, [{ type, text, change }]);
}

/** One line of a ticket's timeline, before it is written. */
export interface TimelineLine {
  type: TicketEventDto["type"];
  text: string;
  change?: { from?: TicketStatus; to?: TicketStatus };
}

/** Appends several lines at once (one write): the SLA watch marking both targets of a ticket, say. */
export async function recordAll(
  ticket: Types.ObjectId,
  actor: TicketActor,
  at: Date,
  lines: readonly TimelineLine[],
): Promise<void> {
  if (lines.length === 0) return;
  await TicketEvent.insertMany(
    lines.map(({ type, text, change = {} }) => ({
      ticket,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      type,
      from: change.from ?? null,
      to: change.to ?? null,
      text,
    })),
  );
}
