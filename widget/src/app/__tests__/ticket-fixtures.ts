import type { TicketMessageDto, VisitorTicketDto } from "@parley/shared";

export const TICKET = "89abcdef0123456789abcdef";

export function ticket(overrides: Partial<VisitorTicketDto> = {}): VisitorTicketDto {
  return {
    id: TICKET,
    number: "T-1001",
    subject: "Exports stop at 50%",
    status: "new",
    priority: "critical",
    assigneeName: null,
    response: { dueAt: "2026-01-12T15:00:00.000Z", met: false },
    workaround: null,
    autoCloseAt: null,
    createdAt: "2026-01-12T09:00:00.000Z",
    updatedAt: "2026-01-12T09:00:00.000Z",
    ...overrides,
  };
}

export function reply(n: number, overrides: Partial<TicketMessageDto> = {}): TicketMessageDto {
  return {
    id: `r${n}`.padEnd(24, "0"),
    ticketId: TICKET,
    clientMsgId: `reply-${n}`.padEnd(8, "0"),
    author: { kind: "staff", name: "Ana Agent" },
    body: `reply ${n}`,
    internal: false,
    attachments: [],
    createdAt: new Date(Date.UTC(2026, 0, 12, 9, n)).toISOString(),
    ...overrides,
  };
}
