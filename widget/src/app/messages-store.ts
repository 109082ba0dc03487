import type { MessageDto } from "@parley/shared";

/**
 * Upserts `incoming` into `current` and returns the list sorted by seq.
 * A message matches an existing one by id, or by clientMsgId: the same send can reach us
 * as an ack, as a `message:new` broadcast and again in a resync, and must show once.
 * Returns `current` itself when nothing changed, so renders can be skipped.
 */
export function mergeMessages(current: readonly MessageDto[], incoming: readonly MessageDto[]): readonly MessageDto[] {
  if (incoming.length === 0) return current;
  const result = current.slice();
  const byId = new Map<string, number>();
  const byClientId = new Map<string, number>();
  result.forEach((m, i) => {
    byId.set(m.id, i);
    byClientId.set(clientKey(m), i);
  });

  let changed = false;
  for (const message of incoming) {
    const at = byId.get(message.id) ?? byClientId.get(clientKey(message));
    if (at === undefined) {
      byId.set(message.id, result.length);
      byClientId.set(clientKey(message), result.length);
      result.push(message);
      changed = true;
    } else if (!sameMessage(result[at], message)) {
      result[at] = message;
      byId.set(message.id, at);
      changed = true;
    }
  }
  if (!changed) return current;
  if (!isSortedBySeq(result)) result.sort((a, b) => a.seq - b.seq);
  return result;
}

/** clientMsgId is unique per conversation only. */
const clientKey = (m: MessageDto) => `${m.conversationId}/${m.clientMsgId}`;

function sameMessage(a: MessageDto | undefined, b: MessageDto): boolean {
  return a !== undefined && a.id === b.id && a.seq === b.seq && a.body === b.body && a.author.name === b.author.name;
}

function isSortedBySeq(messages: readonly MessageDto[]): boolean {
  for (let i = 1; i < messages.length; i++) {
    const prev = messages[i - 1];
    const next = messages[i];
    if (prev && next && prev.seq > next.seq) return false;
  }
  return true;
}

export function lastSeq(messages: readonly MessageDto[]): number {
  return messages.at(-1)?.seq ?? 0;
}
