/**
 * Which status change each ticket action makes, and what it does to the SLA clocks. Pure: the
 * ticket service applies the result with a compare-and-set on the status it was computed from, so two
 * racing actions cannot both apply.
 */
import type { TicketStatus } from "@parley/shared";

export type TicketAction =
  /** An agent picks the ticket up (the first look, not necessarily a reply). */
  | "open"
  /** An agent asks the customer for more information. */
  | "wait_on_customer"
  /** The customer answered while being waited on. */
  | "customer_replied"
  | "provide_workaround"
  | "resolve"
  /** The customer confirms the fix. */
  | "confirm"
  /** The customer says it still affects them. */
  | "reject"
  | "escalate"
  /** Resolved and unanswered for the site's auto-close period. */
  | "auto_close";

export type Actor = "staff" | "customer" | "system";

interface Rule {
  from: readonly TicketStatus[];
  to: TicketStatus;
  by: readonly Actor[];
}

const WORKING: readonly TicketStatus[] = ["new", "open", "workaround_provided", "escalated"];

const RULES: Record<TicketAction, Rule> = {
  open: { from: ["new"], to: "open", by: ["staff"] },
  wait_on_customer: { from: [...WORKING], to: "waiting_on_customer", by: ["staff"] },
  customer_replied: { from: ["waiting_on_customer"], to: "open", by: ["customer"] },
  provide_workaround: {
    from: ["new", "open", "escalated", "waiting_on_customer"],
    to: "workaround_provided",
    by: ["staff"],
  },
  resolve: { from: [...WORKING, "waiting_on_customer"], to: "resolved", by: ["staff"] },
  confirm: { from: ["resolved"], to: "closed", by: ["customer"] },
  reject: { from: ["resolved"], to: "open", by: ["customer"] },
  escalate: { from: [...WORKING, "waiting_on_customer"], to: "escalated", by: ["staff", "customer", "system"] },
  auto_close: { from: ["resolved"], to: "closed", by: ["system"] },
};

/** What an applied action means for the SLA clocks. */
export interface ClockEffects {
  /** Start a waiting-on-customer pause (both clocks). */
  pause: boolean;
  /** End the open pause. */
  resume: boolean;
  /** The workaround target is met. */
  meetsWorkaround: boolean;
}

export type TransitionResult = { ok: true; to: TicketStatus; effects: ClockEffects } | { ok: false; reason: string };

export function transition(from: TicketStatus, action: TicketAction, by: Actor): TransitionResult {
  const rule = RULES[action];
  if (!rule.by.includes(by)) return { ok: false, reason: `${action.replaceAll("_", " ")} is not for the ${by}` };
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `A ticket that is ${from.replaceAll("_", " ")} cannot be ${pastTense(action)}` };
  }
  const leavingPause = from === "waiting_on_customer" && rule.to !== "waiting_on_customer";
  return {
    ok: true,
    to: rule.to,
    effects: {
      pause: rule.to === "waiting_on_customer",
      resume: leavingPause,
      meetsWorkaround: rule.to === "workaround_provided" || rule.to === "resolved",
    },
  };
}

function pastTense(action: TicketAction): string {
  const words: Record<TicketAction, string> = {
    open: "opened",
    wait_on_customer: "set to waiting on the customer",
    customer_replied: "answered by the customer",
    provide_workaround: "given a workaround",
    resolve: "resolved",
    confirm: "confirmed",
    reject: "rejected",
    escalate: "escalated",
    auto_close: "closed automatically",
  };
  return words[action];
}
