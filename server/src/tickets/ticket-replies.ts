import type { AttachmentDto, TicketMessageDto, TicketReplyInput, VisitorTicketReplyInput } from "@parley/shared";
import type { AgentDoc } from "../agents/agent.model.ts";
import { attachmentsFor, shareWithCustomer } from "../attachments/attachment-links.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import { Ticket, type TicketDoc } from "./ticket.model.ts";
import { mayLiaise, staffActor, type TicketDesk } from "./ticket-desk.ts";
import { toTicketMessageDto } from "./ticket-dto.ts";
import { TicketMessage, type TicketMessageDoc } from "./ticket-message.model.ts";
import { changeStatus } from "./ticket-status.ts";
import { record, type TicketActor } from "./ticket-timeline.ts";
import { ticketById, updateTicketIf } from "./ticket-writes.ts";
import { ticketWritten } from "./ticket-written.ts";

interface Reply {
  clientMsgId: string;
  body: string;
  internal: boolean;
  attachmentIds?: string[] | undefined;
}

/**
 * A reply or note from staff. Any staff member of the site may write on a ticket; a reply the customer
 * sees meets the first-response target and opens a new ticket. Notes are fine on closed tickets, replies
 * are not (the customer has confirmed; a new problem is a new ticket).
 */
export async function staffReply(
  desk: TicketDesk,
  agent: AgentDoc,
  input: TicketReplyInput,
): Promise<TicketMessageDto> {
  const { ticket, site } = await desk.ticketFor(agent, input.ticketId);
  if (ticket.status === "closed" && !input.internal) {
    throw new AppError("CONFLICT", "This ticket is closed; the customer can no longer be answered on it");
  }
  const actor = staffActor(agent);
  const stored = await storeMessage(desk, ticket, site, actor, input);
  if (input.internal) return toTicketMessageDto(stored.message);

  // Run for a resend too: if the first attempt failed after storing the reply, this finishes its work.
  // Both steps are guarded, so running them twice changes nothing.
  const now = desk.clock();
  let current = ticket;
  if (current.status === "new" && mayLiaise(agent, current)) {
    current = await changeStatus(current, "open", actor, { site, now, notifier: desk.notifier }).catch(
      async () => (await ticketById(ticket._id)) ?? current,
    );
  }
  if (!current.responseClock.metAt) {
    // Guarded on the target still being open, so two replies at once meet it once, at the first.
    const met = await updateTicketIf(
      current,
      { "responseClock.metAt": null },
      { responseClock: { ...current.responseClock, metAt: now } },
      site,
      now,
    );
    if (met) {
      await record(ticket._id, actor, now, "sla", "met the first-response target");
      desk.notifier.changed(met, site, now);
    }
  }
  return toTicketMessageDto(stored.message);
}

/** A reply from the requester; it answers a "waiting on customer", which resumes the SLA clocks. */
export async function customerReply(
  desk: TicketDesk,
  ticket: TicketDoc,
  site: SiteDoc,
  input: VisitorTicketReplyInput,
): Promise<TicketMessageDto> {
  if (ticket.status === "closed") {
    throw new AppError("CONFLICT", "This ticket is closed; start a chat if something new comes up");
  }
  const actor: TicketActor = { kind: "customer", id: ticket.visitor ?? null, name: ticket.requesterName };
  const stored = await storeMessage(desk, ticket, site, actor, { ...input, internal: false });
  // An answer to "waiting on you" resumes the clocks; an answer to a resolution means it is not over, so
  // the ticket reopens rather than closing itself later as unanswered. Run for a resend too (guarded).
  const action =
    ticket.status === "waiting_on_customer" ? "customer_replied" : ticket.status === "resolved" ? "reject" : null;
  if (action) {
    const now = desk.clock();
    const text = action === "reject" ? "answered the resolution; the ticket is open again" : undefined;
    await changeStatus(ticket, action, actor, { site, now, notifier: desk.notifier }, text ? { text } : {}).catch(
      (err: unknown) => {
        // Staff changed the status at the same moment: their change stands, the reply is stored anyway.
        if (!(err instanceof AppError && err.code === "CONFLICT")) throw err;
      },
    );
  }
  return toTicketMessageDto(stored.message);
}

/** Stores a reply once per clientMsgId (a resend returns the stored one), with its files, and announces it. */
export async function storeMessage(
  desk: TicketDesk,
  ticket: TicketDoc,
  site: SiteDoc,
  actor: TicketActor,
  input: Reply,
): Promise<{ message: TicketMessageDoc; isNew: boolean }> {
  const existing = await TicketMessage.findOne({
    ticket: ticket._id,
    clientMsgId: input.clientMsgId,
  }).lean<TicketMessageDoc>();
  if (existing) return { message: existing, isNew: false };
  const attachments: AttachmentDto[] = input.attachmentIds?.length
    ? await attachmentsFor(
        site._id,
        input.attachmentIds,
        { ticket: ticket._id },
        actor.kind === "customer" && actor.id ? { citedByVisitor: actor.id } : {},
      )
    : [];
  const now = desk.clock();
  let message: TicketMessageDoc;
  try {
    const created = await TicketMessage.create({
      ticket: ticket._id,
      clientMsgId: input.clientMsgId,
      authorKind: actor.kind === "staff" ? "staff" : "customer",
      authorId: actor.id,
      authorName: actor.name,
      body: input.body,
      internal: input.internal,
      attachments,
      createdAt: now,
    });
    message = created.toObject() as TicketMessageDoc;
    if (actor.kind === "staff" && !input.internal) await shareWithCustomer(attachments);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const raced = await TicketMessage.findOne({
      ticket: ticket._id,
      clientMsgId: input.clientMsgId,
    }).lean<TicketMessageDoc>();
    if (!raced) throw err;
    return { message: raced, isNew: false };
  }
  const files = attachments.length > 0 ? ` with ${attachments.length} file${attachments.length > 1 ? "s" : ""}` : "";
  const what = input.internal
    ? "added an internal note"
    : actor.kind === "staff"
      ? "replied to the customer"
      : "replied";
  await record(ticket._id, actor, now, input.internal ? "note" : "reply", `${what}${files}`);
  desk.notifier.message(ticket, message, site);
  if (attachments.length > 0) {
    // Not guarded on the status: the files belong on the ticket whatever happened to it meanwhile.
    const withFiles = await Ticket.findByIdAndUpdate(
      ticket._id,
      { $addToSet: { attachments: { $each: attachments } } },
      { returnDocument: "after" },
    ).lean<TicketDoc>();
    if (withFiles) {
      await ticketWritten(withFiles, site, now, ticket);
      desk.notifier.changed(withFiles, site, now);
    }
  }
  return { message, isNew: true };
}
