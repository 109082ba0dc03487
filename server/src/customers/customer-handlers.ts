import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { listCustomers, saveCustomer } from "./customer-directory.ts";

type CustomerEvents = "customer:list" | "customer:save";

/** Customers are read by every staff member (tickets show them) and changed by admins. */
export function customerHandlers(
  staff: StaffNamespace,
): HandlerGroup<AgentClientToServerEvents, StaffContext, CustomerEvents> {
  return {
    "customer:list": async (_input, { agent }) => ({ customers: await listCustomers(agent.site) }),
    "customer:save": async (input, { agent }) => ({ customer: await saveCustomer(staff, agent, input) }),
  };
}
