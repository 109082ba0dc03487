import type { AgentClientToServerEvents } from "@parley/shared";
import type { StaffContext } from "../agents/staff-context.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import { reportedTimeZoneOf } from "./customer-time-zone.ts";
import type { MeetingDesk } from "./meeting-desk.ts";

/** Any staff member of the ticket's site reads and proposes (the roles table lets every role send these). */
export function meetingHandlers(
  meetings: MeetingDesk,
): HandlerGroup<AgentClientToServerEvents, StaffContext, "meeting:list" | "meeting:propose"> {
  return {
    "meeting:list": async (input, { agent }) => {
      const { ticket } = await meetings.ticketFor(agent, input.ticketId);
      const [list, reportedTimeZone] = await Promise.all([meetings.meetingsOf(ticket), reportedTimeZoneOf(ticket)]);
      return { meetings: list, reportedTimeZone };
    },
    "meeting:propose": async (input, { agent }) => ({ meeting: await meetings.propose(agent, input) }),
  };
}
