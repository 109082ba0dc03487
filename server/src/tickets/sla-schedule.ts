import type { Types } from "mongoose";
import { SlaCheck, type SlaCheckDoc } from "./sla-check.model.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { Ticket } from "./ticket.model.ts";

/** Mirrors a ticket's `nextCheckAt` into the watch's schedule; called after every write that sets it. */
export async function scheduleCheck(ticket: Pick<TicketDoc, "_id" | "site" | "nextCheckAt">): Promise<void> {
  if (ticket.nextCheckAt) {
    await SlaCheck.updateOne(
      { _id: ticket._id },
      { $set: { site: ticket.site, at: ticket.nextCheckAt } },
      { upsert: true },
    );
  } else {
    await SlaCheck.deleteOne({ _id: ticket._id });
  }
}

/** The checks due at `now`, earliest first: a read of the schedule (open tickets), not of the tickets. */
export function dueChecks(now: Date, limit: number): Promise<SlaCheckDoc[]> {
  return SlaCheck.find({ at: { $lte: now } })
    .sort({ at: 1 })
    .limit(limit)
    .lean<SlaCheckDoc[]>()
    .exec();
}

/** New hours or auto-close period: every open ticket of the site is due for a look at once. */
export async function checkWholeSite(site: Types.ObjectId): Promise<void> {
  await SlaCheck.updateMany({ site }, { $set: { at: new Date(0) } });
}

/**
 * Puts the schedule in step with the tickets: a row for every ticket with a check pending, none for the others.
 * Run at start (and hourly), off every request: it reads all tickets. A process that died between writing a
 * ticket and its row, or a row write that failed, is made good here; until then the ticket's own time stands.
 */
export async function reconcileSchedule(): Promise<number> {
  let fixed = 0;
  const pending = new Set<string>();
  const tickets = Ticket.find({ nextCheckAt: { $ne: null } })
    .select({ _id: 1, site: 1, nextCheckAt: 1 })
    .lean<Pick<TicketDoc, "_id" | "site" | "nextCheckAt">[]>()
    .cursor();
  const rows = new Map(
    (await SlaCheck.find({}).lean<SlaCheckDoc[]>()).map((r) => [r._id.toHexString(), r.at.getTime()]),
  );
  for await (const t of tickets) {
    const key = t._id.toHexString();
    pending.add(key);
    if (rows.get(key) !== t.nextCheckAt?.getTime()) {
      await scheduleCheck(t);
      fixed++;
    }
  }
  for (const key of rows.keys()) {
    if (pending.has(key)) continue;
    await SlaCheck.deleteOne({ _id: key });
    fixed++;
  }
  return fixed;
}
