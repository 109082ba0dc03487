import { z } from "zod";
import { MAX_ATTACHMENTS_PER_MESSAGE, MAX_MESSAGE_LENGTH, PRIORITIES, type Priority } from "../constants.ts";
import { ClientMsgId, MessageBody, ObjectIdString } from "./primitives.ts";
import { ProductId } from "./products.ts";

/**
 * A ticket's life (shared/spec/support-policy.txt "Support Process Overview"): new → open →
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

/** Where a ticket came from: a chat, an offline request, or an email to the support address. */
export const TICKET_CHANNELS = ["chat", "offline", "email"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

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

/** What staff do to a ticket's status (the customer's confirm / reject are `ticket:respond` in the widget). */
export const STAFF_TICKET_ACTIONS = ["open", "wait_on_customer", "provide_workaround", "resolve"] as const;
export const TicketActInput = z.strictObject({
  ticketId: ObjectIdString,
  action: z.enum(STAFF_TICKET_ACTIONS),
});
export type TicketActInput = z.infer<typeof TicketActInput>;

/** Which tickets the console's list shows. Every filter is optional; `sla` picks tickets at risk or breached. */
export const TicketListInput = z.strictObject({
  status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional(),
  priority: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  /** An agent id, "me", or "none" for unassigned. */
  assignee: z.union([ObjectIdString, z.literal("me"), z.literal("none")]).optional(),
  product: ProductId.optional(),
  customerId: ObjectIdString.optional(),
  /** The chat a ticket came from: how a chat shows it already has a ticket. */
  conversationId: ObjectIdString.optional(),
  sla: z.enum(["at_risk", "breached", "at_risk_or_breached"]).optional(),
  /** A number ("T-1001" or "1001") or words found in the subject, details or requester. */
  q: z.string().trim().max(100).optional(),
  /** "due": nearest SLA due time first (the default); "updated": latest change first; "number": newest first. */
  sort: z.enum(["due", "updated", "number"]).optional(),
});
export type TicketListInput = z.infer<typeof TicketListInput>;

/** Most tickets one list answer carries; narrow the filters to see others. */
export const TICKET_LIST_LIMIT = 200;

const AttachmentIds = z.array(ObjectIdString).max(MAX_ATTACHMENTS_PER_MESSAGE);

/**
 * `ticket:reply` from staff: a reply the customer sees (it meets the first-response target), or an internal
 * note (`internal: true`) they never see. `clientMsgId` makes a resend harmless.
 */
export const TicketReplyInput = z.strictObject({
  ticketId: ObjectIdString,
  clientMsgId: ClientMsgId,
  body: MessageBody,
  internal: z.boolean(),
  attachmentIds: AttachmentIds.optional(),
});
export type TicketReplyInput = z.infer<typeof TicketReplyInput>;

/** `ticket:reply` from the visitor: always seen by staff; answers a "waiting on customer". */
export const VisitorTicketReplyInput = z.strictObject({
  ticketId: ObjectIdString,
  clientMsgId: ClientMsgId,
  body: MessageBody,
  attachmentIds: AttachmentIds.optional(),
});
export type VisitorTicketReplyInput = z.infer<typeof VisitorTicketReplyInput>;

/** `ticket:escalate` (staff): the policy asks for a reason and a phone number to reach the customer. */
export const TicketEscalateInput = z.strictObject({
  ticketId: ObjectIdString,
  reason: z.string().trim().min(1, "reason is required").max(1000),
  phone: z
    .string()
    .trim()
    .min(5, "phone number is required")
    .max(40)
    .regex(/^\+?[0-9 ()./-]+$/, "must be a phone number: digits, spaces and + ( ) . / -"),
});
export type TicketEscalateInput = z.infer<typeof TicketEscalateInput>;

/** `ticket:respond` (visitor): confirm a resolution (the ticket closes) or say it still affects them. */
export const TicketRespondInput = z.strictObject({
  ticketId: ObjectIdString,
  action: z.enum(["confirm", "reject"]),
  /** Why it still affects them (asked for on reject). */
  comment: z.string().trim().max(MAX_MESSAGE_LENGTH).optional(),
});
export type TicketRespondInput = z.infer<typeof TicketRespondInput>;
