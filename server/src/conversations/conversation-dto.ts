import type {
  ChatRatingDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  MessageDto,
  VisitorConversationDto,
} from "@parley/shared";
import type { ConversationDoc } from "./conversation.model.ts";
import type { MessageDoc } from "./message.model.ts";

export function toMessageDto(m: MessageDoc): MessageDto {
  const author: MessageDto["author"] = { kind: m.authorKind, name: m.authorName };
  if (m.authorKind === "agent" && m.authorId) author.id = m.authorId.toHexString();
  return {
    id: String(m._id),
    conversationId: m.conversation.toHexString(),
    seq: m.seq,
    clientMsgId: m.clientMsgId,
    author,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    internal: m.internal ?? false,
    attachments: (m.attachments ?? []).map((a) => ({ ...a })),
  };
}

export function toVisitorConversationDto(c: ConversationDoc): VisitorConversationDto {
  return {
    id: c._id.toHexString(),
    status: c.status,
    assigneeName: c.assigneeName ?? null,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt.toISOString(),
    agentReadSeq: c.agentReadSeq ?? 0,
    replyByEmail: Boolean(c.visitorEmail),
    rating: toRatingDto(c),
    transcriptSent: Boolean(c.transcriptSentAt),
  };
}

/** The visitor's rating of an ended chat, as both sides see it. */
export function toRatingDto(c: Pick<ConversationDoc, "rating">): ChatRatingDto | null {
  const r = c.rating;
  return r ? { rating: r.value, comment: r.comment ?? null, at: r.at.toISOString() } : null;
}

export function toSummaryDto(c: ConversationDoc): ConversationSummaryDto {
  return {
    id: c._id.toHexString(),
    status: c.status,
    visitorName: c.visitorName,
    assignee: c.assignee ? { id: c.assignee.toHexString(), name: c.assigneeName ?? "" } : null,
    offer:
      c.offeredTo && c.offerExpiresAt
        ? {
            agent: { id: c.offeredTo.toHexString(), name: c.offeredToName ?? "" },
            expiresAt: c.offerExpiresAt.toISOString(),
          }
        : null,
    product: c.product ?? null,
    lastSeq: c.lastSeq,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    preview: c.preview ?? null,
    lastMessage: c.lastMessage
      ? {
          seq: c.lastMessage.seq,
          authorKind: c.lastMessage.authorKind,
          body: c.lastMessage.body,
          at: c.lastMessage.at.toISOString(),
        }
      : null,
    readSeq: { visitor: c.visitorReadSeq ?? 0, agent: c.agentReadSeq ?? 0 },
    lastVisitorMessageAt: iso(c.lastVisitorMessageAt),
    lastAgentMessageAt: iso(c.lastAgentMessageAt),
    visitorLeftAt: iso(c.visitorLeftAt),
    leftMessage: c.leftMessage === true,
  };
}

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

export function toDetailDto(c: ConversationDoc): ConversationDetailDto {
  const env = c.environment;
  return {
    ...toSummaryDto(c),
    visitor: { name: c.visitorName, email: c.visitorEmail ?? null },
    environment: env
      ? {
          url: env.url ?? "",
          referrer: env.referrer ?? "",
          userAgent: env.userAgent ?? "",
          language: env.language ?? "",
          timeZone: env.timeZone ?? "",
        }
      : null,
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
    closeReason: c.closeReason ?? null,
    rating: toRatingDto(c),
  };
}
