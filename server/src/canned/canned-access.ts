import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { AppError } from "../errors/app-error.ts";
import { CannedResponse, type CannedResponseDoc } from "./canned-response.model.ts";

/**
 * A reply the staff member can see: a site-wide one of their site, or one of their own. Anything else (another
 * site's, a colleague's personal one, a deleted one) is NOT_FOUND alike, so ids cannot be probed. One primary-key read.
 */
export async function visibleCanned(agent: AgentDoc, id: Types.ObjectId): Promise<CannedResponseDoc> {
  const c = await CannedResponse.findById(id).lean<CannedResponseDoc>();
  const visible = c?.site.equals(agent.site) && (c.owner === null || c.owner.equals(agent._id));
  if (!c || !visible) throw new AppError("NOT_FOUND", "Canned response not found");
  return c;
}

/** A reply the staff member may change: their own, or (admins) a site-wide one. Others can only use site-wide ones. */
export async function editableCanned(agent: AgentDoc, id: Types.ObjectId): Promise<CannedResponseDoc> {
  const c = await visibleCanned(agent, id);
  if (c.owner === null) assertMayEditSiteWide(agent);
  return c;
}

export function assertMayEditSiteWide(agent: AgentDoc): void {
  if (agent.role !== "admin") throw new AppError("FORBIDDEN", "Only admins can change site-wide canned responses");
}
