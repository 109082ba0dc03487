// Shapes the server sends. They are TypeScript types only: the server builds them
// from validated database documents, so clients need no runtime validator.
import type { AgentRole, AuthorKind, ConversationStatus } from "../constants.ts";
import type { Environment } from "./primitives.ts";

export interface AuthorDto {
  kind: AuthorKind;
  /** Agent id for agent messages; absent for visitors so agents' ids are not the visitor's business. */
  id?: string;
  name: string;
}

export interface MessageDto {
  id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string;
  author: AuthorDto;
  body: string;
  createdAt: string;
}

export interface AgentRefDto {
  id: string;
  name: string;
}

/** What a visitor may know about their own conversation. */
export interface VisitorConversationDto {
  id: string;
  status: ConversationStatus;
  /** Only the agent's display name: visitors never see staff ids or emails. */
  assigneeName: string | null;
  lastSeq: number;
  createdAt: string;
}

/** A row in the console's inbox lists. */
export interface ConversationSummaryDto {
  id: string;
  status: ConversationStatus;
  visitorName: string;
  assignee: AgentRefDto | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

/** What staff see when they open a conversation. */
export interface ConversationDetailDto extends ConversationSummaryDto {
  visitor: { name: string; email: string | null };
  environment: Environment | null;
  closedAt: string | null;
}

export interface AgentDto {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
}

export interface MessagePageDto<C> {
  conversation: C;
  /** Messages with seq greater than the requested `afterSeq`, ascending. */
  messages: MessageDto[];
  /** More messages exist past the last one returned; ask again from its seq. */
  hasMore: boolean;
}
