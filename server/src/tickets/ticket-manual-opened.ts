import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { AppError } from "../errors/app-error.ts";
import { ManualOpen } from "../manuals/manual-open.model.ts";
import { articlesOf } from "../manuals/manual-shelf.ts";
import type { TicketDoc } from "./ticket.model.ts";
import { record } from "./ticket-timeline.ts";

/**
 * The requester opened a suggested article while writing on their ticket: a timeline line for the agent, with the
 * article's title as the admin wrote it (never text from the visitor), once per article and ticket.
 */
export async function recordManualOpened(
  ticket: TicketDoc,
  site: Types.ObjectId,
  articleId: string,
  now: Date,
): Promise<void> {
  const article = (await articlesOf(site)).find((a) => a.id === articleId);
  if (!article) throw new AppError("NOT_FOUND", "No such manual article");
  try {
    await ManualOpen.create({ _id: `${ticket._id.toHexString()}:${article.id}`, at: now });
  } catch (err) {
    if (isDuplicateKey(err)) return;
    throw err;
  }
  await record(
    ticket._id,
    { kind: "customer", id: ticket.visitor ?? null, name: ticket.requesterName },
    now,
    "manual",
    `opened the manual article “${article.title}” (${article.url}) while writing`,
  );
}
