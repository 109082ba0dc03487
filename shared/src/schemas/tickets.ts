import { z } from "zod";
import { MAX_MESSAGE_LENGTH, PRIORITIES, type Priority } from "../constants.ts";
import { ObjectIdString } from "./primitives.ts";
import { ProductId } from "./products.ts";

/**
 * A ticket's life (issue 4, shared/spec/support-policy.txt "Support Process Overview"): new → open →
 * waiting on customer → workaround provided → resolved, awaiting confirmation → closed; escalated from
 * any open state.
 */
export const TICKET_STATUSES = [
  "new",
  "open",
  "waiting_on_customer",
  "workaround_provided",
  "resolved",
  "closed",
  "escalated",
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

/** What the policy asks a ticket to carry ("Emailing support tickets", "Ensuring Effective Support"). */
export const TicketFields = z.strictObject({
  subject: z.string().trim().min(1, "subject is required").max(200),
  priority: z.enum(PRIORITIES),
  product: ProductId.nullable(),
  productVersion: text(80),
  /** Versions of related third-party products. */
  thirdPartyVersions: text(1000),
  details: text(MAX_MESSAGE_LENGTH),
  reproductionSteps: text(MAX_MESSAGE_LENGTH),
  environment: text(MAX_MESSAGE_LENGTH),
  mostRecentUpdate: text(500),
  changedSinceLastWorked: text(2000),
  reproducedOnTestSystem: z.enum(["yes", "no", "unknown"]),
});
export type TicketFields = z.infer<typeof TicketFields>;

export interface MissingField {
  field: keyof TicketFields;
  message: string;
}

/**
 * What a ticket still lacks for its priority. Requirements grow with priority: every ticket needs details;
 * high and critical ones also need the product and its version; a critical one ("renders the software
 * inoperable") also needs reproduction steps and the environment, which the policy says support cannot act
 * without. A ticket may be saved with gaps (the agent then asks the customer); this says what to ask for.
 */
export function missingForPriority(fields: Omit<TicketFields, "subject">): MissingField[] {
  const missing: MissingField[] = [];
  const need = (field: keyof TicketFields, ok: boolean, message: string) => {
    if (!ok) missing.push({ field, message });
  };
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  need("details", fields.details.length > 0, "Describe the problem and what was done after it appeared");
  if (rank(fields.priority) <= rank("high")) {
    need("product", fields.product !== null, `A ${fields.priority} ticket needs the product`);
    need("productVersion", fields.productVersion.length > 0, `A ${fields.priority} ticket needs the product version`);
  }
  if (fields.priority === "critical") {
    need("reproductionSteps", fields.reproductionSteps.length > 0, "A critical ticket needs reproduction steps");
    need("environment", fields.environment.length > 0, "A critical ticket needs the environment information");
  }
  return missing;
}

/** `ticket:create`: from a chat (open or closed) or from an offline request, with the policy's fields. */
export const TicketCreateInput = z.strictObject({
  source: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("chat"), conversationId: ObjectIdString }),
    z.strictObject({ kind: z.literal("offline"), offlineRequestId: ObjectIdString }),
  ]),
  fields: TicketFields,
});
export type TicketCreateInput = z.infer<typeof TicketCreateInput>;

export const TicketRef = z.strictObject({ ticketId: ObjectIdString });
export type TicketRef = z.infer<typeof TicketRef>;

/** What staff do to a ticket's status (the customer's confirm / reject come with the widget's ticket view). */
export const STAFF_TICKET_ACTIONS = ["open", "wait_on_customer", "provide_workaround", "resolve"] as const;
export const TicketActInput = z.strictObject({
  ticketId: ObjectIdString,
  action: z.enum(STAFF_TICKET_ACTIONS),
});
export type TicketActInput = z.infer<typeof TicketActInput>;
