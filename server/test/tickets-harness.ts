import type { TicketFields } from "@parley/shared";
import type { Types } from "mongoose";
import { Site } from "../src/sites/site.model.ts";
import { msgId, ok, type ServerClient, type StaffClient, waitingVisitor } from "./harness.ts";

/** The policy's fields for a ticket, with what a critical ticket needs filled in; `over` changes some. */
export const ticketFields = (over: Partial<TicketFields> = {}): TicketFields => ({
  subject: "Export fails",
  priority: "critical",
  product: "cloud",
  productVersion: "4.2",
  thirdPartyVersions: "",
  details: "Exports stop at 50%",
  reproductionSteps: "Export any report",
  environment: "Linux, Chrome 150",
  mostRecentUpdate: "",
  changedSinceLastWorked: "",
  reproducedOnTestSystem: "unknown",
  ...over,
});

/**
 * A visitor's chat, accepted by `agent`, turned into a ticket by them: the visitor (socket, token) and the
 * ticket as staff see it. The visitor gives `email` when starting the chat.
 */
export async function chatTicket(
  t: ServerClient,
  siteKey: string,
  agent: { socket: StaffClient },
  opts: { email?: string; fields?: Partial<TicketFields> } = {},
) {
  const visitor = await waitingVisitor(t, siteKey, { email: opts.email ?? "vera@example.test" });
  await ok(agent.socket, "conversation:accept", { conversationId: visitor.id });
  await ok(visitor.socket, "message:send", { conversationId: visitor.id, clientMsgId: msgId(), body: "It broke" });
  const { ticket } = await ok(agent.socket, "ticket:create", {
    source: { kind: "chat", conversationId: visitor.id },
    fields: ticketFields(opts.fields),
  });
  return { visitor, ticket };
}

/** 09:00-17:00 London time on weekdays: a working day is 8 hours, and nights and weekends do not count. */
export async function setWeekdayHours(siteId: Types.ObjectId): Promise<void> {
  const weekday = (day: string) => ({ day, start: "09:00", end: "17:00", endsNextDay: false });
  await Site.updateOne(
    { _id: siteId },
    {
      $set: {
        supportHours: {
          timeZone: "Europe/London",
          weekly: ["mon", "tue", "wed", "thu", "fri"].map(weekday),
          closedDates: [],
          extraOpenings: [],
        },
      },
    },
  );
}
