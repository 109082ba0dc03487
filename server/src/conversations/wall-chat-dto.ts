import type { WallChatDto } from "@parley/shared";
import type { ConversationDoc } from "./conversation.model.ts";

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

export function toWallChatDto(c: ConversationDoc): WallChatDto {
  return {
    id: c._id.toHexString(),
    status: c.status,
    visitorName: c.visitorName,
    product: c.product ?? null,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    participants: (c.participants ?? []).map((p) => ({ id: p.agent.toHexString(), name: p.name })),
    offeredTo: c.offeredTo ? { id: c.offeredTo.toHexString(), name: c.offeredToName ?? "" } : null,
    createdAt: c.createdAt.toISOString(),
    assignedAt: iso(c.assignedAt),
    firstAgentReplyAt: iso(c.firstAgentReplyAt),
    lastVisitorMessageAt: iso(c.lastVisitorMessageAt),
    lastAgentMessageAt: iso(c.lastAgentMessageAt),
    closedAt: iso(c.closedAt),
    visitorLeftAt: iso(c.visitorLeftAt),
  };
}
