import type { CannedResponseDto, CannedSaveInput, CannedUseDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import { type AgentSocket, type CommandResult, command, failureOf } from "./socket.ts";

export interface CannedList {
  /** Site-wide replies and the signed-in person's own; null until the first load answers. */
  readonly responses: readonly CannedResponseDto[] | null;
  readonly error: ErrorBody | null;
}

const byShortcut = (a: CannedResponseDto, b: CannedResponseDto) =>
  a.shortcut.localeCompare(b.shortcut) || a.scope.localeCompare(b.scope);

/**
 * The canned replies of one console session, loaded once on first use and then kept in step by `canned:updated` and
 * `canned:deleted` (and reloaded after a reconnect, which may have missed some). Lives in the lazily loaded canned
 * module, one per socket, so the inbox's main chunk carries none of it.
 */
export class CannedReplies {
  private static readonly bySocket = new WeakMap<AgentSocket, CannedReplies>();

  static of(socket: AgentSocket): CannedReplies {
    let replies = CannedReplies.bySocket.get(socket);
    if (!replies) {
      replies = new CannedReplies(socket);
      CannedReplies.bySocket.set(socket, replies);
    }
    return replies;
  }

  private state: CannedList = { responses: null, error: null };
  private loading = false;
  private readonly listeners = new Set<(list: CannedList) => void>();

  private constructor(private readonly socket: AgentSocket) {
    socket.on("canned:updated", (response) => this.upsert(response));
    socket.on("canned:deleted", ({ id }) => this.removed(id));
    socket.on("connect", () => {
      if (this.state.responses) void this.load();
    });
  }

  get current(): CannedList {
    return this.state;
  }

  /** Calls `listener` with every change; the first subscriber starts the load. */
  subscribe(listener: (list: CannedList) => void): () => void {
    this.listeners.add(listener);
    if (this.state.responses === null) void this.load();
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    const result = await command(this.socket, "canned:list", {});
    this.loading = false;
    if (result.ok) this.set({ responses: [...result.data.responses].sort(byShortcut), error: null });
    else this.set({ ...this.state, error: failureOf(result, "No answer from the server yet. Try again.") });
  }

  async save(input: CannedSaveInput): Promise<CommandResult<{ response: CannedResponseDto }>> {
    const result = await command(this.socket, "canned:save", input);
    // The saving page sees its own save at once, whether or not the broadcast reaches this socket first.
    if (result.ok) this.upsert(result.data.response);
    return result;
  }

  async remove(id: string): Promise<CommandResult<{ id: string }>> {
    const result = await command(this.socket, "canned:delete", { id });
    if (result.ok) this.removed(id);
    return result;
  }

  async use(id: string, conversationId: string): Promise<CommandResult<CannedUseDto>> {
    const result = await command(this.socket, "canned:use", { id, conversationId });
    if (result.ok) this.upsert(result.data.response);
    else if (!("unanswered" in result) && result.error.code === "NOT_FOUND") this.removed(id);
    return result;
  }

  private upsert(response: CannedResponseDto): void {
    const list = this.state.responses;
    if (!list) return;
    this.set({ ...this.state, responses: [...list.filter((r) => r.id !== response.id), response].sort(byShortcut) });
  }

  private removed(id: string): void {
    const list = this.state.responses;
    if (list?.some((r) => r.id === id)) this.set({ ...this.state, responses: list.filter((r) => r.id !== id) });
  }

  private set(state: CannedList): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}
