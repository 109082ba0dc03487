import type {
  ConversationDetailDto,
  Environment,
  MessageDto,
  OfflineRequestDto,
  TicketCreateInput,
  TicketFields,
} from "@parley/shared";

import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";

/** A subject is cut to this many characters of the visitor's first words. */
export const SUBJECT_PREFILL_LENGTH = 80;

/** The form's starting point, and who asked (shown read-only: the ticket takes it from its source). */
export interface TicketPrefill {
  readonly fields: TicketFields;
  readonly requester: { readonly name: string; readonly email: string | null };
}

export const EMPTY_TICKET_FIELDS: TicketFields = {
  subject: "",
  priority: "medium",
  product: null,
  productVersion: "",
  thirdPartyVersions: "",
  details: "",
  reproductionSteps: "",
  environment: "",
  mostRecentUpdate: "",
  changedSinceLastWorked: "",
  reproducedOnTestSystem: "unknown",
};

/** The first line-worth of `text`, whitespace collapsed, at most 80 characters. */
export function subjectFrom(text: string): string {
  return Array.from(text.replace(/\s+/g, " ").trim()).slice(0, SUBJECT_PREFILL_LENGTH).join("").trim();
}

/** The environment the widget captured, one "Label: value" line per non-empty value. */
export function environmentText(env: Environment | null): string {
  if (!env) return "";
  const lines: [string, string][] = [
    ["Page", env.url],
    ["Referrer", env.referrer],
    ["Browser", env.userAgent],
    ["Language", env.language],
    ["Time zone", env.timeZone],
  ];
  return lines
    .filter(([, value]) => value.trim() !== "")
    .map(([label, value]) => `${label}: ${value}`)
    .join("\n");
}

/**
 * The visitor's messages in the chat, oldest first, as plain text separated by blank lines, cut to
 * `limit` characters (the ticket field's maximum) with an ellipsis: Details the agent then edits.
 */
export function detailsFromChat(messages: readonly MessageDto[], limit = MAX_MESSAGE_LENGTH): string {
  const text = [...messages]
    .filter((m) => m.author.kind === "visitor" && !m.internal)
    .sort((a, b) => a.seq - b.seq)
    .map((m) => m.body.trim())
    .filter((body) => body !== "")
    .join("\n\n");
  const chars = Array.from(text);
  return chars.length <= limit
    ? text
    : `${chars
        .slice(0, limit - 1)
        .join("")
        .trimEnd()}…`;
}

export function prefillFromChat(detail: ConversationDetailDto, messages: readonly MessageDto[]): TicketPrefill {
  const first = messages.find((m) => m.author.kind === "visitor" && !m.internal);
  return {
    fields: {
      ...EMPTY_TICKET_FIELDS,
      subject: first ? subjectFrom(first.body) : "",
      product: detail.product,
      details: detailsFromChat(messages),
      environment: environmentText(detail.environment),
    },
    requester: { name: detail.visitor.name, email: detail.visitor.email },
  };
}

export function prefillFromOffline(request: OfflineRequestDto): TicketPrefill {
  return {
    fields: {
      ...EMPTY_TICKET_FIELDS,
      subject: subjectFrom(request.details),
      priority: request.priority,
      product: request.product,
      details: request.details,
    },
    requester: { name: request.name, email: request.email },
  };
}

export function ticketSource(kind: "chat" | "offline", id: string): TicketCreateInput["source"] {
  return kind === "chat" ? { kind: "chat", conversationId: id } : { kind: "offline", offlineRequestId: id };
}

/** Labels for the policy's fields, also used to place the server's issues. */
export const TICKET_FIELD_LABELS: Record<keyof TicketFields, string> = {
  subject: "Subject",
  priority: "Priority",
  product: "Product",
  productVersion: "Product version",
  thirdPartyVersions: "Third-party product versions",
  details: "Details",
  reproductionSteps: "Reproduction steps",
  environment: "Environment",
  mostRecentUpdate: "Most recent update applied",
  changedSinceLastWorked: "What changed since it last worked",
  reproducedOnTestSystem: "Reproduced on a test system",
};
