import type { HistoryPageDto, HistorySearchInput, VisitorHistoryDto } from "@parley/shared";
import type { RealtimeContext } from "./context.ts";
import { type CommandResult, command } from "./socket.ts";

/** The closed chats of the site (History page) and a visitor's past (visitor panel); read on demand, not stored. */
export const searchHistory = (
  ctx: RealtimeContext,
  input: HistorySearchInput,
): Promise<CommandResult<HistoryPageDto>> => command(ctx.socket, "history:search", input);

export const visitorHistory = (
  ctx: RealtimeContext,
  conversationId: string,
): Promise<CommandResult<VisitorHistoryDto>> => command(ctx.socket, "visitor:history", { conversationId });
