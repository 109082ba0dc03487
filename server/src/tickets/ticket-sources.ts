import type { TicketDoc } from "./ticket.model.ts";
import { Ticket } from "./ticket.model.ts";
import { TicketSource, type TicketSourceDoc } from "./ticket-source.model.ts";

/** The ticket made from a source ("chat:<id>", "offline:<id>"), if any: two primary-key reads. */
export async function ticketOfSource(sourceKey: string): Promise<TicketDoc | null> {
  const source = await TicketSource.findById(sourceKey).lean<TicketSourceDoc>();
  return source ? Ticket.findById(source.ticket).lean<TicketDoc>() : null;
}

/** Records which ticket its source became (after the ticket is stored; a retry finds it by its unique sourceKey). */
export async function keySource(ticket: Pick<TicketDoc, "_id" | "sourceKey">): Promise<void> {
  await TicketSource.updateOne({ _id: ticket.sourceKey }, { $setOnInsert: { ticket: ticket._id } }, { upsert: true });
}

/** The sources of tickets made before they were keyed, written once (db/migrations.ts). */
export async function keyTicketSources(): Promise<number> {
  let n = 0;
  for await (const t of Ticket.find({}).select({ _id: 1, sourceKey: 1 }).lean<TicketDoc[]>().cursor()) {
    await keySource(t);
    n++;
  }
  return n;
}
