import { z } from "zod";
import { AGENT_STATUSES, MAX_TRANSFER_NOTE_LENGTH } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";
import { ProductId } from "./products.ts";

/** `presence:set`: the status an agent picks in the console. */
export const PresenceSetInput = z.strictObject({ status: z.enum(AGENT_STATUSES) });
export type PresenceSetInput = z.infer<typeof PresenceSetInput>;

/** `me:prefs`: the agent's own console settings (the ring sound). */
export const AgentPrefsInput = z.strictObject({ sound: z.boolean() });
export type AgentPrefsInput = z.infer<typeof AgentPrefsInput>;

/** A note that travels with a transfer; staff see it, the visitor does not. */
export const TransferNote = z
  .string()
  .trim()
  .max(MAX_TRANSFER_NOTE_LENGTH, `note is longer than ${MAX_TRANSFER_NOTE_LENGTH} characters`);

/** `conversation:transfer`: to one colleague, or back to the queue for a product team. */
export const TransferInput = z.strictObject({
  conversationId: ObjectIdString,
  to: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("agent"), agentId: ObjectIdString }),
    z.strictObject({ kind: z.literal("product"), productId: ProductId }),
  ]),
  note: TransferNote.optional(),
});
export type TransferInput = z.infer<typeof TransferInput>;
