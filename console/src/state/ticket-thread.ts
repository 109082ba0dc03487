import type { TicketMessageDto, TicketReplyInput } from "@parley/shared";
import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { newClientMsgId } from "./outbox.ts";
import { attachmentIdsOf, bodyWithFiles, type Uploads, uploadsBlocker } from "./uploads.ts";

/** Upsert by id, oldest first: the same message from `ticket:get`, a push and an ack lands once. */
export function mergeTicketMessages(
  existing: readonly TicketMessageDto[],
  incoming: readonly TicketMessageDto[],
): readonly TicketMessageDto[] {
  if (incoming.length === 0) return existing;
  const byId = new Map<string, TicketMessageDto>();
  for (const m of existing) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type ReplyMode = "reply" | "note";

/**
 * The ticket composer. `clientMsgId` belongs to the reply being written: every attempt to send it uses the
 * same one (a retry after no answer is stored once), and a new one is drawn only once it was stored.
 */
export interface ReplyDraft {
  readonly mode: ReplyMode;
  readonly text: string;
  readonly uploads: Uploads;
  readonly clientMsgId: string;
}

export function emptyDraft(mode: ReplyMode = "reply", clientMsgId: string = newClientMsgId()): ReplyDraft {
  return { mode, text: "", uploads: [], clientMsgId };
}

/** After the server stored the reply: the same mode (a run of notes stays notes), nothing else kept. */
export function draftSent(draft: ReplyDraft, clientMsgId: string = newClientMsgId()): ReplyDraft {
  return emptyDraft(draft.mode, clientMsgId);
}

/** The `ticket:reply` payload, or why it cannot be sent yet. */
export function replyInput(
  ticketId: string,
  draft: ReplyDraft,
): { ok: true; input: TicketReplyInput } | { ok: false; message: string } {
  const blocked = uploadsBlocker(draft.uploads);
  if (blocked) return { ok: false, message: blocked };
  const body = bodyWithFiles(draft.text, draft.uploads);
  if (!body) return { ok: false, message: "Write a message or attach a file." };
  if (body.length > MAX_MESSAGE_LENGTH) {
    return { ok: false, message: `Too long: ${body.length} of ${MAX_MESSAGE_LENGTH} characters.` };
  }
  const attachmentIds = attachmentIdsOf(draft.uploads);
  const input: TicketReplyInput = {
    ticketId,
    clientMsgId: draft.clientMsgId,
    body,
    internal: draft.mode === "note",
  };
  if (attachmentIds.length > 0) input.attachmentIds = attachmentIds;
  return { ok: true, input };
}
