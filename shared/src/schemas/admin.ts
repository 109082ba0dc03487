import { z } from "zod";
import { AGENT_ROLES, ASSIGNMENT_MODES, MAX_AGENT_CAPACITY } from "../constants.ts";
import { NewPassword } from "./password.ts";
import { Email, ObjectIdString, PersonName } from "./primitives.ts";
import { Product, ProductId } from "./products.ts";
import { TicketSettings } from "./sla.ts";
import { SupervisionSettings } from "./supervision.ts";
import { SupportCalendar } from "./support-hours.ts";
import { VisitorGoneSettings } from "./visitor-gone.ts";
import { WidgetSettings } from "./widget-settings.ts";

const Capacity = z
  .number()
  .int("capacity must be a whole number")
  .min(0, "capacity cannot be negative")
  .max(MAX_AGENT_CAPACITY, `capacity is at most ${MAX_AGENT_CAPACITY}`);

const ProductList = z
  .array(ProductId)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, "a product is listed twice");

/** `agent:create` (admins). The initial password; the agent can change it, or reset it by email. */
export const AgentCreateInput = z.strictObject({
  name: PersonName,
  email: Email,
  password: NewPassword,
  role: z.enum(AGENT_ROLES),
  capacity: Capacity,
  products: ProductList,
});
export type AgentCreateInput = z.infer<typeof AgentCreateInput>;

/** `agent:update` (admins): only the fields present change. */
export const AgentUpdateInput = z.strictObject({
  agentId: ObjectIdString,
  name: PersonName.optional(),
  role: z.enum(AGENT_ROLES).optional(),
  capacity: Capacity.optional(),
  products: ProductList.optional(),
  disabled: z.boolean().optional(),
});
export type AgentUpdateInput = z.infer<typeof AgentUpdateInput>;

/** `products:update` (admins): the whole list. Agents lose tags of products that are removed. */
export const ProductsUpdateInput = z.strictObject({
  products: z
    .array(Product)
    .max(50, "at most 50 products")
    .superRefine((products, ctx) => {
      const seen = new Map<string, number>();
      products.forEach((p, index) => {
        const key = `id:${p.id}`;
        const name = `name:${p.name.toLowerCase()}`;
        for (const k of [key, name]) {
          if (seen.has(k)) {
            ctx.addIssue({
              code: "custom",
              message: k === key ? `product id ${p.id} is used twice` : `product name ${p.name} is used twice`,
              path: [index, k === key ? "id" : "name"],
            });
          }
          seen.set(k, index);
        }
      });
    }),
});
export type ProductsUpdateInput = z.infer<typeof ProductsUpdateInput>;

export const OfferTimeoutSeconds = z
  .number()
  .int("offer timeout must be a whole number of seconds")
  .min(1, "offer timeout is at least 1 second")
  .max(600, "offer timeout is at most 600 seconds");

/** `site:update` (admins): assignment mode, offer timeout and support hours; only the fields present change. */
export const SiteUpdateInput = z.strictObject({
  assignmentMode: z.enum(ASSIGNMENT_MODES).optional(),
  offerTimeoutSeconds: OfferTimeoutSeconds.optional(),
  supportHours: SupportCalendar.optional(),
  tickets: TicketSettings.optional(),
  supervision: SupervisionSettings.optional(),
  /** Visitor gone: when a chat shows "Visitor left" and when it closes itself. */
  visitorGone: VisitorGoneSettings.optional(),
  /** The widget's theme, proactive greeting and unread sound. */
  widget: WidgetSettings.optional(),
  /** Verified identity: refuse widget sessions without a valid identity token. */
  requireVerifiedIdentity: z.boolean().optional(),
});
export type SiteUpdateInput = z.infer<typeof SiteUpdateInput>;

/** `email:retry` (admins): try an undelivered email again now. */
export const EmailRetryInput = z.strictObject({ emailId: ObjectIdString });
export type EmailRetryInput = z.infer<typeof EmailRetryInput>;

/**
 * An email not delivered yet, as a site's admins see it on the Admin page: which email (kind and ticket),
 * where it stands, never its recipient or text.
 */
export interface OutboxEmailDto {
  id: string;
  kind: string;
  ticket: string;
  status: "pending" | "failed";
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
}
