import { randomBytes } from "node:crypto";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { ReplyToken, type ReplyTokenDoc } from "./reply-token.model.ts";

const mint = (): string => randomBytes(16).toString("hex");

/**
 * The ticket's reply token, minted with the first email that needs it (tickets made before inbound email was set
 * up get one too). The token's document is written before the ticket names it, so an address that went out always
 * leads somewhere; two emails at once may both mint, and the ticket keeps the first (the other's document leads to
 * the same ticket, so a reply to either still arrives).
 */
export async function replyTokenOf(ticket: Pick<TicketDoc, "_id" | "site" | "replyToken">): Promise<string> {
  if (ticket.replyToken) return ticket.replyToken;
  const token = mint();
  await ReplyToken.create({ _id: token, ticket: ticket._id, site: ticket.site });
  const set = await Ticket.updateOne({ _id: ticket._id, replyToken: null }, { $set: { replyToken: token } });
  if (set.modifiedCount === 1) return token;
  const stored = await Ticket.findById(ticket._id).select({ replyToken: 1 }).lean<Pick<TicketDoc, "replyToken">>();
  return stored?.replyToken ?? token;
}

/** The ticket a reply token leads to: one primary-key read. */
export function replyTokenTicket(token: string): Promise<ReplyTokenDoc | null> {
  return ReplyToken.findById(token).lean<ReplyTokenDoc>().exec();
}
