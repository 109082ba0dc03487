import { previewOf } from "./message-preview.ts";
import type { NewMessage } from "./message-store.ts";

export interface ChatFields {
  /** The latest message of the batch the visitor can see (never a note): the inbox's "last message". */
  set: { lastMessage?: { seq: number; authorKind: NewMessage["author"]["kind"]; body: string; at: Date } };
  /** The senders' own read marks, raised to their last message: what one wrote oneself is never unread. */
  max?: { visitorReadSeq?: number; agentReadSeq?: number };
}

/**
 * What a batch of messages of one conversation writes on the chat besides its seqs, given the
 * conversation's last seq before the batch (`base`): message i gets seq base + i + 1.
 *
 * The staff read mark rises only with a visible agent message: a send is only allowed to the assignee or a joined
 * participant, while a note (whisper) may come from a supervisor who merely watches, and must not make the visitor
 * see "Seen".
 */
export function chatFields(inputs: NewMessage[], base: number, now: Date): ChatFields {
  const fields: ChatFields = { set: {} };
  const max: NonNullable<ChatFields["max"]> = {};
  inputs.forEach((input, i) => {
    if (input.internal) return;
    const seq = base + i + 1;
    fields.set.lastMessage = { seq, authorKind: input.author.kind, body: previewOf(input.body), at: now };
    if (input.author.kind === "visitor") max.visitorReadSeq = seq;
    if (input.author.kind === "agent") max.agentReadSeq = seq;
  });
  if (max.visitorReadSeq !== undefined || max.agentReadSeq !== undefined) fields.max = max;
  return fields;
}
