import type { TicketDto, TicketFields } from "@parley/shared";
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
  const { ticket } = await ok<{ ticket: TicketDto }>(agent.socket, "ticket:create", {
    source: { kind: "chat", conversationId: visitor.id },
    fields: ticketFields(opts.fields),
  });
  return { visitor, ticket };
}
