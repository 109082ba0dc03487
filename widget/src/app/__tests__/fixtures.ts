import type { AvailabilityDto, MessageDto, VisitorConversationDto } from "@parley/shared";

export const CONV = "0123456789abcdef01234567";

export function message(seq: number, overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m${seq}`.padEnd(24, "0"),
    conversationId: CONV,
    seq,
    clientMsgId: `client-${seq}`,
    author: { kind: "visitor", name: "Ada" },
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    internal: false,
    attachments: [],
    ...overrides,
  };
}

export function conversation(overrides: Partial<VisitorConversationDto> = {}): VisitorConversationDto {
  return {
    id: CONV,
    status: "queued",
    assigneeName: null,
    lastSeq: 1,
    createdAt: "2025-01-01T12:00:00.000Z",
    agentReadSeq: 0,
    replyByEmail: false,
    rating: null,
    transcriptSent: false,
    ...overrides,
  };
}

/** Open, someone online, closing at 17:00 UTC on Monday 12 January 2026. */
export function availability(overrides: Partial<AvailabilityDto> = {}): AvailabilityDto {
  return {
    open: true,
    agentsOnline: true,
    acceptingChats: true,
    nextOpeningAt: "2026-01-12T10:00:00.000Z",
    closesAt: "2026-01-12T17:00:00.000Z",
    timeZone: "Europe/Berlin",
    products: [],
    ...overrides,
  };
}
