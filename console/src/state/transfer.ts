import type { Product, TeamMemberDto, TransferInput } from "@parley/shared";
import { MAX_TRANSFER_NOTE_LENGTH } from "@parley/shared/constants";
import { STATUS_LABELS } from "./presence.ts";

export interface TransferOption {
  /** The select's value: "agent:<id>" or "product:<id>". */
  value: string;
  /** The colleague's or the product's name, for "transferred to …". */
  name: string;
  label: string;
}

export interface TransferTargets {
  agents: TransferOption[];
  products: TransferOption[];
}

/**
 * Online colleagues (only they can take a chat) and the site's product teams. A full colleague stays
 * listed, marked full: their load may have changed since, and the server's answer says so if not. Left
 * out are those the server always refuses: whoever has the chat now (CONFLICT), and anyone whose capacity
 * is 0 (AT_CAPACITY).
 */
export function transferTargets(
  members: readonly TeamMemberDto[],
  products: readonly Product[],
  meId: string,
  assigneeId: string | null,
): TransferTargets {
  const agents = members
    .filter((m) => m.id !== meId && m.id !== assigneeId && !m.disabled && m.status === "online" && m.capacity > 0)
    .map((m) => ({
      value: `agent:${m.id}`,
      name: m.name,
      label: `${m.name} (${STATUS_LABELS[m.status]}, ${m.load} of ${m.capacity} chats${m.load >= m.capacity ? ", full" : ""})`,
    }));
  return {
    agents,
    products: products.map((p) => ({ value: `product:${p.id}`, name: p.name, label: `${p.name} team` })),
  };
}

/** The `to` of a transfer from a select value, or null for the empty choice or anything unexpected. */
export function transferDestination(value: string): TransferInput["to"] | null {
  const colon = value.indexOf(":");
  const kind = value.slice(0, colon);
  const id = value.slice(colon + 1);
  if (colon < 0 || !id) return null;
  if (kind === "agent") return { kind: "agent", agentId: id };
  if (kind === "product") return { kind: "product", productId: id };
  return null;
}

/** Over the server's limit, which applies to the note as it is sent (trimmed). */
export function transferNoteTooLong(note: string): boolean {
  return note.trim().length > MAX_TRANSFER_NOTE_LENGTH;
}

export function transferInput(conversationId: string, value: string, note: string): TransferInput | null {
  const to = transferDestination(value);
  if (!to) return null;
  const trimmed = note.trim();
  return trimmed ? { conversationId, to, note: trimmed } : { conversationId, to };
}
