// The "My tickets" view's words in English. Kept apart from en.ts because that view is a lazy chunk: these
// travel with it (tickets.ts), not with the chat every visitor loads. A translation is typed `TicketsCatalogue`.
import type { TicketStatus } from "@parley/shared";

const statuses: Record<TicketStatus, string> = {
  new: "Received",
  open: "In progress",
  waiting_on_customer: "Waiting on you",
  workaround_provided: "Workaround provided",
  resolved: "Resolved — please confirm",
  closed: "Closed",
  escalated: "Escalated",
};

export const ticketsEn = {
  title: "My tickets",
  loading: "Loading your tickets…",
  none: "You have no tickets. When support turns your request into a ticket, it shows here.",
  back: "← Back to my tickets",
  yourTicket: "Your ticket",
  status: (status: string) => `Status: ${status}`,
  /** Statuses as the customer reads them: what it means for them, not the desk's workflow names. */
  statuses,
  priority: { low: "Low priority", medium: "Medium priority", high: "High priority", critical: "Critical priority" },
  handledBy: (name: string) => ` · Handled by ${name}`,
  firstResponse: "First response",
  workaround: "Workaround",
  responded: "Responded",
  workaroundProvided: "Workaround provided",
  /** `what` is firstResponse or workaround; `when` is formatOpening's "today at 9:00 AM GMT". */
  overdueSince: (what: string, when: string) => `${what} overdue since ${when}`,
  dueBy: (what: string, when: string) => `${what} due by ${when}`,
  onHold: (what: string) => `${what}: on hold while we wait for you`,
  autoClose: (when: string) => `If we don't hear from you, it closes ${when}.`,
  loadFailed: "This ticket could not be loaded.",
  closed: "This ticket is closed.",
  replies: "Ticket replies",
  loadingReplies: "Loading replies…",
  gone: "This ticket is no longer available.",
  noReplies: "No replies yet.",
  sendAgain: "Send again",
  question: "We think this is fixed. Does it work for you now?",
  whatStillHappens: "What still happens? (optional)",
  reopen: "Reopen ticket",
  cancel: "Cancel",
  fixed: "Yes, it's fixed",
  stillAffected: "It still affects me",
  writeReplyOrFile: "Please write a reply or attach a file.",
  replyTooLong: (over: number, max: number) =>
    `Reply is too long: ${over} character${over === 1 ? "" : "s"} over the ${max}-character limit.`,
  yourReply: "Your reply",
  replyPlaceholder: "Write a reply…",
  sendReply: "Send reply",
  offline: "You are offline. Please try again once the connection is back.",
  changed: "This ticket changed in the meantime; here is where it stands now.",
  answerNotSent: (reason: string) => `Your answer was not sent: ${reason}.`,
  noAnswer: "Your answer was not sent: no answer from support. Please try again.",
  offlineWillSend: "you are offline; it will be sent when you are back",
  noAnswerYet: "no answer from support yet",
  ticketClosed: "this ticket is closed",
  replyTooLongShort: "the reply is too long",
  tooManyRequests: "too many requests, please wait a moment and try again",
  somethingWrongRetry: "something went wrong, please try again",
  // Web conferences:
  meetingTitle: "Web conference",
  meetingPick: (name: string) =>
    `${name} proposes a web conference to look at the problem together. Pick the time that suits you:`,
  meetingAccept: (when: string) => `Accept ${when}`,
  meetingBooked: (when: string) => `Web conference booked for ${when}. The invite is on its way by email.`,
  meetingJoin: "Join the meeting",
  meetingNotAccepted: (reason: string) => `The time was not accepted: ${reason}.`,
};

export type TicketsCatalogue = typeof ticketsEn;
