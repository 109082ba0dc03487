import type { SlaDuration, SlaPlan, TicketSettings } from "@parley/shared";
import { PRIORITIES, type Priority } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import type { IssueLayout } from "./issues.ts";
import { slugify } from "./products-form.ts";
import { wholeNumber } from "./whole-number.ts";

export type DurationUnit = SlaDuration["unit"];

export const UNIT_LABELS: Record<DurationUnit, string> = {
  workingHours: "working hours",
  workingDays: "working days",
};

/** One priority's targets as the editor's inputs hold them. */
export interface TargetRow {
  readonly responseAmount: string;
  readonly responseUnit: DurationUnit;
  readonly workaroundAmount: string;
  /** "none": the plan sets no workaround target for this priority. */
  readonly workaroundUnit: DurationUnit | "none";
}

export interface PlanForm {
  /** The id of the plan being edited, null for a new plan (whose id can still change). */
  readonly originalId: string | null;
  readonly id: string;
  readonly name: string;
  /** The admin typed an id themselves, so it no longer follows the name. */
  readonly idTyped: boolean;
  readonly targets: Readonly<Record<Priority, TargetRow>>;
}

function targetRowOf(targets: SlaPlan["targets"][Priority]): TargetRow {
  return {
    responseAmount: String(targets.response.amount),
    responseUnit: targets.response.unit,
    workaroundAmount: targets.workaround ? String(targets.workaround.amount) : "",
    workaroundUnit: targets.workaround ? targets.workaround.unit : "none",
  };
}

/** An existing plan, or (with `startFrom` only) a new one that starts from another plan's targets. */
export function planFormOf(plan: SlaPlan | null, startFrom: SlaPlan): PlanForm {
  const source = plan ?? startFrom;
  const targets = Object.fromEntries(PRIORITIES.map((p) => [p, targetRowOf(source.targets[p])])) as Record<
    Priority,
    TargetRow
  >;
  return plan
    ? { originalId: plan.id, id: plan.id, name: plan.name, idTyped: true, targets }
    : { originalId: null, id: "", name: "", idTyped: false, targets };
}

/** Typing a new plan's name suggests its id, until the admin edits the id; a saved plan keeps its id. */
export function withPlanName(form: PlanForm, name: string): PlanForm {
  return form.originalId !== null || form.idTyped ? { ...form, name } : { ...form, name, id: slugify(name) };
}

export function withPlanId(form: PlanForm, id: string): PlanForm {
  return form.originalId !== null ? form : { ...form, id, idTyped: id !== "" };
}

export function withTarget(form: PlanForm, priority: Priority, change: Partial<TargetRow>): PlanForm {
  return { ...form, targets: { ...form.targets, [priority]: { ...form.targets[priority], ...change } } };
}

type Issue = { path: string; message: string };

/** A positive amount with at most two decimals ("1.5" working days); null if not. */
export function amountOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value > 0 ? value : null;
}

const NOT_AN_AMOUNT = "must be a number more than zero";

/**
 * The plan the editor describes, or the issues that keep it from being one (paths as the server would
 * word them inside the plan, e.g. "targets.high.response.amount"), checked before anything is sent.
 */
export function planOf(form: PlanForm): { ok: true; plan: SlaPlan } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const targets = {} as Record<Priority, SlaPlan["targets"][Priority]>;
  for (const priority of PRIORITIES) {
    const row = form.targets[priority];
    const response = amountOf(row.responseAmount);
    if (response === null) issues.push({ path: `targets.${priority}.response.amount`, message: NOT_AN_AMOUNT });
    let workaround: SlaDuration | null = null;
    if (row.workaroundUnit !== "none") {
      const amount = amountOf(row.workaroundAmount);
      if (amount === null) issues.push({ path: `targets.${priority}.workaround.amount`, message: NOT_AN_AMOUNT });
      else workaround = { amount, unit: row.workaroundUnit };
    }
    targets[priority] = { response: { amount: response ?? 0, unit: row.responseUnit }, workaround };
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { id: form.id.trim(), name: form.name.trim(), targets } };
}

/** The site's plans with this one saved: replaced where it was (by its original id), else added. */
export function plansWith(plans: readonly SlaPlan[], originalId: string | null, plan: SlaPlan): SlaPlan[] {
  const index = originalId === null ? -1 : plans.findIndex((p) => p.id === originalId);
  if (index === -1) return [...plans, plan];
  return plans.map((p, i) => (i === index ? plan : p));
}

export function plansWithout(plans: readonly SlaPlan[], id: string): SlaPlan[] {
  return plans.filter((p) => p.id !== id);
}

/** The row key the plan being edited gets in the issue layout. */
export const EDITED_PLAN = "edited";

/**
 * Where issues go: `site:update` carries every plan, and the form shows one, so an issue at
 * "tickets.slaPlans.<its index>.targets.high.response.amount" lands on "slaPlans.edited.targets.high…";
 * issues about other plans or the whole list still show in the summary.
 */
export function planIssueLayout(sent: readonly SlaPlan[], editedIndex: number): IssueLayout {
  return {
    strip: "tickets",
    lists: { slaPlans: sent.map((p, i) => (i === editedIndex ? EDITED_PLAN : `plan-${p.id}`)) },
    labels: {
      slaPlans: "Plan",
      id: "Id",
      name: "Name",
      targets: "Targets",
      response: "Response",
      workaround: "Workaround",
      amount: "amount",
      unit: "unit",
      critical: "Critical",
      high: "High",
      medium: "Medium",
      low: "Low",
    },
  };
}

/** A local check's issues in the shape the server's refusal has, so one display serves both. */
export function localRefusal(issues: readonly Issue[], prefix = ""): ErrorBody {
  return { code: "BAD_REQUEST", message: "Not saved.", issues: issues.map((i) => ({ ...i, path: prefix + i.path })) };
}

/** The ticket settings form: auto-close working days as typed, and whether unentitled tickets are refused. */
export function ticketSettingsInput(
  current: TicketSettings,
  autoCloseText: string,
  refuseUnentitled: boolean,
): { ok: true; tickets: TicketSettings } | { ok: false; issues: Issue[] } {
  const days = wholeNumber(autoCloseText);
  if (days === null || days < 1 || days > 60) {
    return {
      ok: false,
      issues: [{ path: "tickets.autoCloseWorkingDays", message: "must be a whole number from 1 to 60" }],
    };
  }
  return { ok: true, tickets: { ...current, autoCloseWorkingDays: days, refuseUnentitled } };
}
