import type { AgentCreateInput, AgentUpdateInput, Product, TeamMemberDto } from "@parley/shared";
import { type AgentRole, DEFAULT_AGENT_CAPACITY } from "@parley/shared/constants";
import type { ErrorBody } from "@parley/shared/errors";
import type { IssueLayout } from "./issues.ts";
import { wholeNumber } from "./whole-number.ts";

export interface NewAgentForm {
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly role: AgentRole;
  readonly capacity: string;
  readonly products: readonly string[];
}

export const emptyAgentForm: NewAgentForm = {
  name: "",
  email: "",
  password: "",
  role: "agent",
  capacity: String(DEFAULT_AGENT_CAPACITY),
  products: [],
};

/** What an admin can change on an existing agent's row. */
export interface AgentDraft {
  readonly role: AgentRole;
  readonly capacity: string;
  readonly products: readonly string[];
}

export function draftOf(member: TeamMemberDto): AgentDraft {
  return { role: member.role, capacity: String(member.capacity), products: member.products };
}

type Result<T> = { ok: true; input: T } | { ok: false; error: ErrorBody };

const CAPACITY_MESSAGE = "capacity must be a whole number";
const badCapacity: Result<never> = {
  ok: false,
  error: { code: "BAD_REQUEST", message: CAPACITY_MESSAGE, issues: [{ path: "capacity", message: CAPACITY_MESSAGE }] },
};

export function agentCreateInput(form: NewAgentForm): Result<AgentCreateInput> {
  const capacity = wholeNumber(form.capacity);
  if (capacity === null) return badCapacity;
  const { name, email, password, role, products } = form;
  return { ok: true, input: { name, email, password, role, capacity, products: [...products] } };
}

/** Only the fields that differ from the agent as last seen; null when there is nothing to send. */
export function agentUpdateInput(member: TeamMemberDto, draft: AgentDraft): Result<AgentUpdateInput | null> {
  const capacity = wholeNumber(draft.capacity);
  if (capacity === null) return badCapacity;
  const input: AgentUpdateInput = { agentId: member.id };
  if (draft.role !== member.role) input.role = draft.role;
  if (capacity !== member.capacity) input.capacity = capacity;
  if (!sameSet(draft.products, member.products)) input.products = [...draft.products];
  return { ok: true, input: Object.keys(input).length > 1 ? input : null };
}

/** Ticks or unticks a product, keeping the site's order so the list reads the same everywhere. */
export function toggledProduct(
  selected: readonly string[],
  id: string,
  on: boolean,
  order: readonly Product[],
): string[] {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  const known = order.map((p) => p.id).filter((p) => next.has(p));
  // Tags of products no longer on the site are kept as they are: the server drops them itself.
  return [...known, ...[...next].filter((p) => !known.includes(p))];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export const AGENT_ISSUE_LAYOUT: IssueLayout = {
  labels: {
    name: "Name",
    email: "Email",
    password: "Password",
    role: "Role",
    capacity: "Capacity",
    products: "Products",
  },
};
