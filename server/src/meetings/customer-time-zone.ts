import type { Types } from "mongoose";
import { ClosedConversation, Conversation } from "../conversations/conversation.model.ts";
import { OfflineRequest } from "../offline/offline-request.model.ts";
import { isKnownZone } from "../time/time-zone.ts";

type Zoned = { environment?: { timeZone?: string | null } | null };

/**
 * The time zone the customer's browser reported (Intl's), from what the ticket came from: the chat's environment
 * (sent when the chat started) or the offline request (sent with it). Null when neither said, or said a zone this
 * server does not know: the agent then picks one. Each read is by primary key.
 */
export async function reportedTimeZoneOf(ticket: {
  conversation?: Types.ObjectId | null;
  offlineRequest?: Types.ObjectId | null;
}): Promise<string | null> {
  let zone: string | null | undefined;
  if (ticket.conversation) {
    const open = await Conversation.findById(ticket.conversation).select({ environment: 1 }).lean<Zoned>();
    const chat =
      open ?? (await ClosedConversation.findById(ticket.conversation).select({ environment: 1 }).lean<Zoned>());
    zone = chat?.environment?.timeZone;
  } else if (ticket.offlineRequest) {
    const request = await OfflineRequest.findById(ticket.offlineRequest)
      .select({ timeZone: 1 })
      .lean<{ timeZone?: string | null }>();
    zone = request?.timeZone;
  }
  return zone && isKnownZone(zone) ? zone : null;
}
