import type { ReadMarkDto, TypingDto } from "@parley/shared";
import { isLead } from "../agents/roles.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { ConversationDoc } from "./conversation.model.ts";
import { toMessageDto, toSummaryDto, toVisitorConversationDto } from "./conversation-dto.ts";
import type { MessageDoc } from "./message.model.ts";
import { toWallChatDto } from "./wall-chat-dto.ts";

/**
 * Fans out changes that are already persisted. Visitors hear about their own
 * conversations through their visitor room; staff through the site and conversation rooms.
 */
export class ConversationBroadcaster {
  constructor(
    private readonly visitors: VisitorNamespace,
    private readonly staff: StaffNamespace,
    /** Told of every status or owner change, so waiting visitors hear their new place in the queue. */
    private readonly onSiteQueueChanged: (siteId: ConversationDoc["site"]) => void,
  ) {}

  /** Told of every change the wall sees, so chat alerts can clear as soon as a chat is answered or taken. */
  onWallChanged?: (conversation: ConversationDoc) => void;
  /**
   * Told of every stored message with its chat as the message left it (replies to a visitor away: docs/embedding.md,
   * "Always reachable").
   */
  onMessageStored?: (conversation: ConversationDoc, message: MessageDoc) => void;

  messageCreated(conversation: ConversationDoc, message: MessageDoc): void {
    const dto = toMessageDto(message);
    if (!dto.internal) this.visitors.to(rooms.visitor(conversation.visitor)).emit("message:new", dto);
    this.staff.to(rooms.conversation(conversation._id)).emit("message:new", dto);
    this.staff.to(rooms.siteStaff(conversation.site)).emit("conversation:updated", toSummaryDto(conversation));
    // The conversation as the message's own update left it. A close cannot come in between and be undone here:
    // closing runs in turn with the conversation's messages (MessageLog.exclusive).
    this.wallChanged(conversation);
    this.onMessageStored?.(conversation, message);
  }

  /**
   * Typing and seen, to who shows them and no one else. The staff side hears through the conversation
   * room only (the staff who opened the chat: its assignee, joined or watching leads), not the whole site: "is
   * typing" and "Seen" are drawn in the open chat. A rise of the staff mark also reaches the assignee's sockets,
   * so the inbox's unread count drops in their other tabs.
   */
  readMarkMoved(conversation: ConversationDoc, mark: ReadMarkDto): void {
    if (mark.side === "agent") {
      this.visitors.to(rooms.visitor(conversation.visitor)).emit("conversation:read", mark);
      const staff = this.staff.to(rooms.conversation(conversation._id));
      (conversation.assignee ? staff.to(rooms.agent(conversation.assignee)) : staff).emit("conversation:read", mark);
    } else {
      this.staff.to(rooms.conversation(conversation._id)).emit("conversation:read", mark);
    }
  }

  /** `from`: the typing staff member, left out of the staff who hear it; `internal` (a note) never reaches the visitor. */
  typingChanged(conversation: ConversationDoc, typing: TypingDto, from?: { agentId: string; internal: boolean }): void {
    const staff = this.staff.to(rooms.conversation(conversation._id));
    (from ? staff.except(rooms.agent(from.agentId)) : staff).emit("typing:updated", typing);
    if (from && !from.internal) this.visitors.to(rooms.visitor(conversation.visitor)).emit("typing:updated", typing);
  }

  conversationChanged(conversation: ConversationDoc): void {
    // Listing a room asks every node; with Redis away that times out. Outsiders then stay in the room until they
    // reload, seeing a chat of their own site they could open anyway: not worth failing the change for.
    if (conversation.status !== "queued") this.evictOutsiders(conversation).catch(() => undefined);
    this.visitors
      .to(rooms.visitor(conversation.visitor))
      .emit("conversation:updated", toVisitorConversationDto(conversation));
    this.staff.to(rooms.siteStaff(conversation.site)).emit("conversation:updated", toSummaryDto(conversation));
    this.wallChanged(conversation);
    this.onSiteQueueChanged(conversation.site);
  }

  /** The supervisors' wall: who waits, who answers, who spoke last. */
  private wallChanged(conversation: ConversationDoc): void {
    this.staff.to(rooms.siteLeads(conversation.site)).emit("wall:chat", toWallChatDto(conversation));
    this.onWallChanged?.(conversation);
  }

  /**
   * Agents may watch a queued chat before accepting it; once someone owns it, the other
   * plain agents' sockets leave its room so they stop receiving its messages.
   */
  private async evictOutsiders(conversation: ConversationDoc): Promise<void> {
    const room = rooms.conversation(conversation._id);
    for (const socket of await this.staff.in(room).fetchSockets()) {
      const { role, agentId } = socket.data;
      if (!isLead({ role }) && conversation.assignee?.toHexString() !== agentId) socket.leave(room);
    }
  }
}
