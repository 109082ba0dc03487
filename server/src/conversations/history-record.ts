import type { ConversationDoc } from "./conversation.model.ts";
import type { HistoryFields } from "./history-fields.ts";
import { HistoryHour, historyHourKey, hourOf, type StoredHistoryRow } from "./history-hour.model.ts";
import { HistorySpan } from "./history-span.model.ts";
import { VisitorPast } from "./visitor-past.model.ts";

/**
 * Files a closed chat for the History search and the visitor panel, once, when it is archived: its row in its
 * closing hour, the site's oldest hour, and the visitor's list. Three primary-key writes, each idempotent (a
 * retry after a crash sets the same values again), and no cost per message.
 */
export async function recordClosedChat(c: ConversationDoc, fields: HistoryFields): Promise<void> {
  const closedAt = c.closedAt ?? c.updatedAt;
  const row: StoredHistoryRow = {
    closedAt: closedAt.toISOString(),
    visitorName: c.visitorName,
    visitorEmail: c.visitorEmail ?? null,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    product: c.product ?? null,
    closeReason: c.closeReason ?? null,
    handledBy: fields.handledBy.map((a) => a.toHexString()),
    text: fields.searchText,
    preview: c.preview ?? fields.opening,
  };
  const id = c._id.toHexString();
  const hour = hourOf(closedAt);
  const fileRow = (stored: StoredHistoryRow) =>
    HistoryHour.updateOne(
      { _id: historyHourKey(c.site, hour) },
      { $set: { [`chats.${id}`]: JSON.stringify(stored) }, $setOnInsert: { site: c.site, ticketed: {} } },
      { upsert: true },
    );
  await Promise.all([
    // An hour whose document would pass MongoDB's 16 MB (about a thousand chats closing in one hour, each at the
    // 16 KB text cap) still takes the row, without its text: the chat is then found by every filter but words,
    // rather than its archive failing again at every start.
    fileRow(row).catch((err: unknown) => {
      if (!isTooLarge(err)) throw err;
      return fileRow({ ...row, text: "" });
    }),
    HistorySpan.updateOne({ _id: c.site.toHexString() }, { $min: { firstHour: hour } }, { upsert: true }),
    VisitorPast.updateOne(
      { _id: c.visitor.toHexString() },
      { $set: { [`chats.${id}`]: closedAt.toISOString() } },
      { upsert: true },
    ),
  ]);
}

/** MongoDB's "document after update is larger than 16 MB" (17419) and BSONObjectTooLarge (10334). */
const isTooLarge = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 17419 || code === 10334;
};
