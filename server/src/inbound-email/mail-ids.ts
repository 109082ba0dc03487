import type { Types } from "mongoose";
import { MailId, type MailIdDoc } from "./mail-id.model.ts";

export function mailIdOf(messageId: string): Promise<MailIdDoc | null> {
  return MailId.findById(messageId).lean<MailIdDoc>().exec();
}

/** Records a Message-ID once; a second record of the same id (a redelivery taken in twice) keeps the first. */
export async function recordMailId(
  messageId: string,
  direction: MailIdDoc["direction"],
  ticket: { _id: Types.ObjectId; site: Types.ObjectId } | null,
  at: Date,
): Promise<void> {
  await MailId.updateOne(
    { _id: messageId },
    { $setOnInsert: { direction, ticket: ticket?._id ?? null, site: ticket?.site ?? null, at } },
    { upsert: true },
  );
}
