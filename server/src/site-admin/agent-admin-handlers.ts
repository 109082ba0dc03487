import type { AgentClientToServerEvents } from "@parley/shared";
import type { Types } from "mongoose";
import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { toTeamMemberDto } from "../agents/agent-dto.ts";
import { AgentSession } from "../agents/agent-session.model.ts";
import { updateAgentIf } from "../agents/agent-writes.ts";
import { hashPassword } from "../agents/password.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { RoutingSystem } from "../routing/routing-system.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { unknownProducts } from "../sites/site-products.ts";

type AgentAdminEvents = "agent:create" | "agent:update";

export function agentAdminHandlers(
  routing: RoutingSystem,
): HandlerGroup<AgentClientToServerEvents, StaffContext, AgentAdminEvents> {
  return {
    "agent:create": async (input, { agent: admin }) => {
      await requireKnownProducts(admin.site, input.products);
      try {
        const created = await Agent.create({
          site: admin.site,
          email: input.email,
          name: input.name,
          role: input.role,
          capacity: input.capacity,
          products: input.products,
          passwordHash: await hashPassword(input.password),
        });
        const agent = created.toObject() as AgentDoc;
        routing.agents.agentChanged(agent);
        return { agent: toTeamMemberDto(agent) };
      } catch (err) {
        if (isDuplicateKey(err)) throw new AppError("CONFLICT", `An account with the email ${input.email} exists`);
        throw err;
      }
    },

    "agent:update": async (input, { agent: admin }) => {
      const id = toObjectId(input.agentId);
      const target = await Agent.findOne({ _id: id, site: admin.site }).lean<AgentDoc>();
      if (!target) throw new AppError("NOT_FOUND", "No such agent");
      // An admin locking themselves out leaves the site with nobody to undo it.
      if (id.equals(admin._id) && (input.disabled === true || (input.role && input.role !== "admin"))) {
        throw new AppError("FORBIDDEN", "You cannot disable yourself or remove your own admin role");
      }
      if (input.products) await requireKnownProducts(admin.site, input.products);

      const set: Record<string, unknown> = {};
      for (const key of ["name", "role", "capacity", "products", "disabled"] as const) {
        if (input[key] !== undefined) set[key] = input[key];
      }
      if (input.disabled === true) set.status = "offline";
      const updated = await updateAgentIf({ _id: id }, { $set: set });
      if (!updated) throw new AppError("NOT_FOUND", "No such agent");
      await keepAnAdmin(admin.site, target);

      if (input.disabled === true && !target.disabled) {
        // Cut them off now: sessions gone (a re-enable does not revive them), tabs disconnected, chats requeued.
        await AgentSession.deleteMany({ agent: id });
        routing.agents.disconnect(updated);
        await routing.assignment.releaseEverythingOf(updated);
      }
      const fresh = (await Agent.findById(id).lean<AgentDoc>()) ?? updated;
      routing.agents.agentChanged(fresh);
      if (input.capacity !== undefined && input.capacity > target.capacity) await routing.router.route(fresh.site);
      return { agent: toTeamMemberDto(fresh) };
    },
  };
}

/**
 * Two admins disabling (or demoting) each other at the same moment would each pass the self-check and
 * leave the site with no admin. So the check runs after the write: if no enabled admin is left, this
 * change is undone and refused. Of two such racing changes, at least the later check sees the loss.
 */
async function keepAnAdmin(siteId: Types.ObjectId, before: AgentDoc): Promise<void> {
  if (before.role !== "admin" || before.disabled) return;
  if (await Agent.exists({ site: siteId, role: "admin", disabled: false })) return;
  await Agent.updateOne({ _id: before._id }, { $set: { role: before.role, disabled: false, status: before.status } });
  throw new AppError("FORBIDDEN", "The site must keep at least one enabled admin");
}

async function requireKnownProducts(siteId: Types.ObjectId, products: readonly string[]): Promise<void> {
  const unknown = unknownProducts(await siteOf(siteId), products);
  if (unknown.length > 0) {
    throw new AppError("BAD_REQUEST", `Unknown product ${unknown.join(", ")}; add it on the Products page first`);
  }
}
