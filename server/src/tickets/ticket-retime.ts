import type { Types } from "mongoose";
import { checkWholeSite } from "./sla-schedule.ts";
import { Ticket } from "./ticket.model.ts";

/**
 * New hours or a new auto-close period move every open ticket's due, at-risk and auto-close times: they
 * are due for a look at once, and the SLA watch's next pass stores the new times (and announces what the
 * change made at risk or breached).
 */
export async function retimeOpenTickets(site: Types.ObjectId): Promise<void> {
  await Ticket.updateMany({ site, status: { $ne: "closed" } }, { $set: { nextCheckAt: new Date(0) } });
  await checkWholeSite(site);
}
