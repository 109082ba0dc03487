import { z } from "zod";
import { PRIORITIES, type Priority } from "../constants.ts";

// SLA plans are data: the policy's standard plan below, and priority-support plans an admin
// creates with targets of their own. Targets are counted in working time on the site's support calendar.

/** A target as the policy words it: "8 working hours", "3 working days". */
export const SlaDuration = z.strictObject({
  amount: z.number().positive("must be more than zero").max(1000, "at most 1000"),
  unit: z.enum(["workingHours", "workingDays"]),
});
export type SlaDuration = z.infer<typeof SlaDuration>;

export const SlaTargets = z.strictObject({
  /** First response. */
  response: SlaDuration,
  /** A workaround; null where the plan sets none (the standard plan's low priority). */
  workaround: SlaDuration.nullable(),
});
export type SlaTargets = z.infer<typeof SlaTargets>;

export const SlaPlanId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1-40 characters of a-z, 0-9 and -");

export const SlaPlan = z.strictObject({
  id: SlaPlanId,
  name: z.string().trim().min(1, "plan name is required").max(80),
  targets: z.strictObject(
    Object.fromEntries(PRIORITIES.map((p) => [p, SlaTargets])) as Record<Priority, typeof SlaTargets>,
  ),
});
export type SlaPlan = z.infer<typeof SlaPlan>;

const hours = (amount: number): SlaDuration => ({ amount, unit: "workingHours" });
const days = (amount: number): SlaDuration => ({ amount, unit: "workingDays" });

/**
 * The policy's table (shared/spec/support-policy.txt, "Priority Levels"). Medium's workaround is "within
 * 15 working days or within the next patch release as may be agreed": the 15 days are the target, and an
 * agreed patch release is recorded on the ticket, not in the plan.
 */
export const STANDARD_SLA_PLAN: SlaPlan = {
  id: "standard",
  name: "Standard",
  targets: {
    critical: { response: hours(8), workaround: days(3) },
    high: { response: hours(12), workaround: days(5) },
    medium: { response: hours(24), workaround: days(15) },
    low: { response: days(2), workaround: null },
  },
};

/** How many resolved-but-unanswered working days before a ticket closes itself, unless an admin sets it. */
export const DEFAULT_AUTO_CLOSE_WORKING_DAYS = 5;

/** A site's ticket settings (admin page), sent with `site:update`. */
export const TicketSettings = z.strictObject({
  /** Priority-support plans; the standard plan is built in and not listed here. */
  slaPlans: z
    .array(SlaPlan)
    .max(20, "at most 20 plans")
    .refine((plans) => plans.every((p) => p.id !== STANDARD_SLA_PLAN.id), "the standard plan is built in")
    .refine((plans) => new Set(plans.map((p) => p.id)).size === plans.length, "plan ids must be unique"),
  autoCloseWorkingDays: z.number().int().min(1, "at least 1").max(60, "at most 60"),
  /** Refuse tickets for customers whose free window ended and who have no paid support; else flag them. */
  refuseUnentitled: z.boolean(),
});
export type TicketSettings = z.infer<typeof TicketSettings>;

export const DEFAULT_TICKET_SETTINGS: TicketSettings = {
  slaPlans: [],
  autoCloseWorkingDays: DEFAULT_AUTO_CLOSE_WORKING_DAYS,
  refuseUnentitled: false,
};
