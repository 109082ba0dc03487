import type { MessageDto, VisitorConversationDto } from "@parley/shared";

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
    ...overrides,
  };
}
