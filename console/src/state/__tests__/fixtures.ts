import type {
  AgentDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  MessageDto,
  TeamMemberDto,
} from "@parley/shared";

export const ME: AgentDto = {
  id: "a".repeat(24),
  name: "Ana Agent",
  email: "agent@example.com",
  role: "agent",
  status: "online",
  capacity: 3,
  products: [],
  notifySound: true,
};
export const OTHER = { id: "b".repeat(24), name: "Bob Agent" };

const hex = (n: number) => n.toString(16).padStart(24, "0");

export function msg(seq: number, overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: hex(1000 + seq),
    conversationId: hex(1),
    seq,
    clientMsgId: `client-${seq}-xxxx`,
    author: { kind: "visitor", name: "Vera" },
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    internal: false,
    attachments: [],
    ...overrides,
  };
}

export function summary(n: number, overrides: Partial<ConversationSummaryDto> = {}): ConversationSummaryDto {
  return {
    id: hex(n),
    status: "queued",
    visitorName: `Visitor ${n}`,
    assignee: null,
    offer: null,
    product: null,
    lastSeq: 1,
    createdAt: `2025-01-01T12:00:0${n}.000Z`,
    updatedAt: `2025-01-01T12:00:0${n}.000Z`,
    preview: null,
    lastMessage: null,
    readSeq: { visitor: 0, agent: 0 },
    lastVisitorMessageAt: null,
    lastAgentMessageAt: null,
    visitorLeftAt: null,
    leftMessage: false,
    ...overrides,
  };
}

export function detail(overrides: Partial<ConversationDetailDto> = {}): ConversationDetailDto {
  return {
    ...summary(1),
    visitor: { name: "Visitor 1", email: "v@example.com" },
    environment: { url: "https://shop.example/", referrer: "", userAgent: "UA", language: "en", timeZone: "UTC" },
    closedAt: null,
    closeReason: null,
    rating: null,
    ...overrides,
  };
}

export function member(n: number, overrides: Partial<TeamMemberDto> = {}): TeamMemberDto {
  return {
    id: hex(100 + n),
    name: `Agent ${n}`,
    email: `agent${n}@example.com`,
    role: "agent",
    status: "online",
    capacity: 3,
    products: [],
    notifySound: true,
    disabled: false,
    load: 0,
    ...overrides,
  };
}
