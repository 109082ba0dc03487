import type { AvailabilityDto } from "@parley/shared";
import type { Types } from "mongoose";
import { AppError } from "../errors/app-error.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { availabilityAt } from "../support-hours/availability.ts";
import { onlineAgents } from "./team-capacity.ts";

/** Whether a site takes new chats now: inside support hours (agents online or not), and when it opens next. */
export async function siteAvailability(siteId: Types.ObjectId, now: Date): Promise<AvailabilityDto> {
  const site = await siteOf(siteId);
  return availabilityAt(site, (await onlineAgents(siteId)).length, now);
}

/**
 * Inside support hours every new chat is admitted, even with nobody online: it waits in the queue and is
 * offered when an agent comes online. Outside hours only a visitor who chose to leave a message in the chat
 * (`afterHours`) is admitted; any other start is refused so an old widget still falls back to the offline form.
 * Sites have no queue cap today, so there is no cap to refuse on.
 */
export async function admitNewChat(siteId: Types.ObjectId, afterHours: boolean, now: Date): Promise<void> {
  if (afterHours) return;
  const availability = await siteAvailability(siteId, now);
  if (availability.acceptingChats) return;
  throw new AppError(
    "SUPPORT_OFFLINE",
    "Support is closed right now; leave a message or a request and we will get back to you",
  );
}
