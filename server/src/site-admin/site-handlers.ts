import type { AgentClientToServerEvents, SiteSettingsDto, TicketSettings } from "@parley/shared";
import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { updateAgentIf } from "../agents/agent-writes.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { Customer, type CustomerDoc } from "../customers/customer.model.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { RoutingSystem } from "../routing/routing-system.ts";
import { Site, type SiteDoc } from "../sites/site.model.ts";
import { toSiteSettingsDto } from "../sites/site-dto.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { retimeOpenTickets } from "../tickets/ticket-retime.ts";

type SiteEvents = "site:get" | "site:update" | "products:update";

export function siteHandlers(
  routing: RoutingSystem,
  staff: StaffNamespace,
): HandlerGroup<AgentClientToServerEvents, StaffContext, SiteEvents> {
  const changed = (site: SiteDoc): { site: SiteSettingsDto } => {
    const dto = toSiteSettingsDto(site);
    staff.to(rooms.siteStaff(site._id)).emit("site:updated", dto);
    // Hours or routing changed: the widget may have to switch to (or from) the offline form.
    routing.queue.siteChanged(site._id);
    return { site: dto };
  };

  return {
    "site:get": async (_input, { agent }) => ({ site: toSiteSettingsDto(await siteOf(agent.site)) }),

    "site:update": async (input, { agent }) => {
      const set: Record<string, unknown> = {};
      if (input.assignmentMode !== undefined) set.assignmentMode = input.assignmentMode;
      if (input.offerTimeoutSeconds !== undefined) set.offerTimeoutSeconds = input.offerTimeoutSeconds;
      if (input.supportHours !== undefined) set.supportHours = input.supportHours;
      if (input.supervision !== undefined) set.supervision = input.supervision;
      if (input.visitorGone !== undefined) set.visitorGone = input.visitorGone;
      if (input.widget !== undefined) set.widget = input.widget;
      if (input.requireVerifiedIdentity !== undefined) set.requireVerifiedIdentity = input.requireVerifiedIdentity;
      if (input.tickets !== undefined) {
        await keepPlansInUse(agent.site, input.tickets);
        set.tickets = input.tickets;
      }
      const site = await Site.findByIdAndUpdate(agent.site, { $set: set }, { returnDocument: "after" }).lean<SiteDoc>();
      if (!site) throw new AppError("NOT_FOUND", "Unknown site");
      if (input.supportHours !== undefined || input.tickets !== undefined) await retimeOpenTickets(site._id);
      if (input.assignmentMode === "manual") await routing.router.withdrawOffersOnSite(site._id);
      if (site.assignmentMode === "auto") await routing.router.route(site._id);
      return changed(site);
    },

    "products:update": async (input, { agent }) => {
      const before = await siteOf(agent.site);
      const site = await Site.findByIdAndUpdate(
        agent.site,
        { $set: { products: input.products } },
        { returnDocument: "after" },
      ).lean<SiteDoc>();
      if (!site) throw new AppError("NOT_FOUND", "Unknown site");
      const kept = new Set(input.products.map((p) => p.id));
      const removed = before.products.map((p) => p.id).filter((id) => !kept.has(id));
      if (removed.length > 0) await untagAgents(routing, agent.site, removed);
      return changed(site);
    },
  };
}

/** A removed product takes its tag off every agent, so nobody is preferred for a product that is gone. */
async function untagAgents(routing: RoutingSystem, siteId: Types.ObjectId, removed: string[]): Promise<void> {
  const tagged = await Agent.find({ site: siteId, products: { $in: removed } }).lean<AgentDoc[]>();
  for (const agent of tagged) {
    const updated = await updateAgentIf({ _id: agent._id }, { $pullAll: { products: removed } });
    if (updated) routing.agents.agentChanged(updated);
  }
}

/** A plan a customer is on cannot be deleted: their next ticket would silently fall back to the standard plan. */
async function keepPlansInUse(siteId: Types.ObjectId, settings: TicketSettings): Promise<void> {
  const kept = ["standard", ...settings.slaPlans.map((p) => p.id)];
  const stranded = await Customer.findOne({ site: siteId, slaPlanId: { $nin: kept } }).lean<CustomerDoc>();
  if (stranded) {
    throw new AppError(
      "BAD_REQUEST",
      `The plan "${stranded.slaPlanId}" is still attached to ${stranded.name}; move the customer to another plan first`,
      { issues: [{ path: "tickets.slaPlans", message: `"${stranded.slaPlanId}" is still used by ${stranded.name}` }] },
    );
  }
}
