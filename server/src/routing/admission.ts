import type { AvailabilityDto } from "@parley/shared";
import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { availabilityAt } from "../support-hours/availability.ts";
import { onlineAgents } from "./team-capacity.ts";

/** Whether a site takes new chats now: inside support hours, with an agent online. */
export async function siteAvailability(siteId: Types.ObjectId, now = new Date()): Promise<AvailabilityDto> {
  const site = await siteOf(siteId);
  return availabilityAt(site, (await onlineAgents(siteId)).length, now);
}

/** Refuses a new chat while the widget should be showing the offline form instead. */
export async function admitNewChat(siteId: Types.ObjectId, now = new Date()): Promise<void> {
  const availability = await siteAvailability(siteId, now);
  if (availability.acceptingChats) return;
  throw new AppError(
    "SUPPORT_OFFLINE",
    availability.open
      ? "No agent is available right now; leave a request and we will get back to you"
      : "Support is closed right now; leave a request and we will get back to you",
  );
}
