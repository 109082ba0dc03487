import type { Product, TeamMemberDto, TransferInput } from "@parley/shared";
import { STATUS_LABELS } from "./presence.ts";

/**
 * TransferNote's limit (shared/src/schemas/routing.ts). The schema holds it inline, and importing the
 * schema would bring zod into the console's main bundle for one number.
 */
export const MAX_TRANSFER_NOTE_LENGTH = 1000;

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
 * listed, marked full: their load may have changed since, and the server's answer says so if not.
 */
export function transferTargets(
  members: readonly TeamMemberDto[],
  products: readonly Product[],
  meId: string,
): TransferTargets {
  const agents = members
    .filter((m) => m.id !== meId && !m.disabled && m.status === "online")
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

export function transferInput(conversationId: string, value: string, note: string): TransferInput | null {
  const to = transferDestination(value);
  if (!to) return null;
  const trimmed = note.trim();
  return trimmed ? { conversationId, to, note: trimmed } : { conversationId, to };
}
