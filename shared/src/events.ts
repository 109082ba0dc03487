// The Socket.IO contract, one map per direction and namespace.
// Every client→server event takes one payload (parsed by the schema in the
// matching `*EventSchemas` table) and an ack; the tables are typed against the
// maps, so an event without a schema does not compile.
import type { z } from "zod";
import type { AckCallback } from "./errors.ts";
import { AgentSyncInput, ConversationRef, EmptyInput } from "./schemas/agent.ts";
import type {
  AgentDto,
  ConversationDetailDto,
  ConversationSummaryDto,
  MessageDto,
  MessagePageDto,
  VisitorConversationDto,
} from "./schemas/dto.ts";
import { MessageSendInput } from "./schemas/message.ts";
import { ConversationStartInput, VisitorSyncInput } from "./schemas/visitor.ts";

type Command<I, O> = (payload: I, ack: AckCallback<O>) => void;

// ---- /visitor namespace ----

export interface VisitorClientToServerEvents {
  "conversation:start": Command<ConversationStartInput, { conversation: VisitorConversationDto; message: MessageDto }>;
  "conversation:sync": Command<VisitorSyncInput, MessagePageDto<VisitorConversationDto | null>>;
  "message:send": Command<MessageSendInput, { message: MessageDto }>;
}

export interface VisitorServerToClientEvents {
  "message:new": (message: MessageDto) => void;
  "conversation:updated": (conversation: VisitorConversationDto) => void;
}

// ---- /agent namespace (agents, supervisors, admins) ----

export interface AgentClientToServerEvents {
  "inbox:sync": Command<
    EmptyInput,
    { me: AgentDto; waiting: ConversationSummaryDto[]; mine: ConversationSummaryDto[] }
  >;
  "conversation:sync": Command<AgentSyncInput, MessagePageDto<ConversationDetailDto>>;
  "conversation:accept": Command<ConversationRef, { conversation: ConversationDetailDto }>;
  "conversation:close": Command<ConversationRef, { conversation: ConversationDetailDto }>;
  "message:send": Command<MessageSendInput, { message: MessageDto }>;
}

export interface AgentServerToClientEvents {
  "message:new": (message: MessageDto) => void;
  "conversation:updated": (conversation: ConversationSummaryDto) => void;
}

// ---- runtime schema tables ----

type PayloadOf<F> = F extends (payload: infer P, ack: never) => void ? P : never;
type SchemaTable<Events> = {
  [K in keyof Events]: z.ZodType<PayloadOf<Events[K]>, unknown>;
};

export const visitorEventSchemas = {
  "conversation:start": ConversationStartInput,
  "conversation:sync": VisitorSyncInput,
  "message:send": MessageSendInput,
} satisfies SchemaTable<VisitorClientToServerEvents>;

export const agentEventSchemas = {
  "inbox:sync": EmptyInput,
  "conversation:sync": AgentSyncInput,
  "conversation:accept": ConversationRef,
  "conversation:close": ConversationRef,
  "message:send": MessageSendInput,
} satisfies SchemaTable<AgentClientToServerEvents>;

/** The `data` type an event's ack carries on success. */
export type AckData<Events, K extends keyof Events> = Events[K] extends Command<never, infer O> ? O : never;
