import type { ConversationDoc } from "./conversation.model.ts";
import { HistoryHour, historyHourKey, hourOf } from "./history-hour.model.ts";

/**
 * The visitor's rating on the chat's History row, by primary key, beside the row rather than in it (as
 * "has a ticket" is): the row is written once by the archive, and a rating comes after it, or (a visitor quicker
 * than the archive) just before it.
 */
export async function markRated(c: Pick<ConversationDoc, "_id" | "site" | "closedAt" | "updatedAt" | "rating">) {
  if (!c.rating) return;
  const hour = hourOf(c.closedAt ?? c.updatedAt);
  await HistoryHour.updateOne(
    { _id: historyHourKey(c.site, hour) },
    {
      $set: { [`rated.${c._id.toHexString()}`]: c.rating.value },
      $setOnInsert: { site: c.site, chats: {}, ticketed: {} },
    },
    { upsert: true },
  );
}
