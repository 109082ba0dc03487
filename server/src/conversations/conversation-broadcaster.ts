import { isLead } from "../agents/roles.ts";
import type { StaffNamespace, VisitorNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { toWallChatDto } from "../supervision/wall-dto.ts";
import { Conversation, type ConversationDoc } from "./conversation.model.ts";
import { toMessageDto, toSummaryDto, toVisitorConversationDto } from "./conversation-dto.ts";
import type { MessageDoc } from "./message.model.ts";

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

  messageCreated(conversation: ConversationDoc, message: MessageDoc): void {
    const dto = toMessageDto(message);
    if (!dto.internal) this.visitors.to(rooms.visitor(conversation.visitor)).emit("message:new", dto);
    this.staff.to(rooms.conversation(conversation._id)).emit("message:new", dto);
    this.staff.to(rooms.siteStaff(conversation.site)).emit("conversation:updated", toSummaryDto(conversation));
    void this.wallChangedByMessage(conversation._id);
  }

  conversationChanged(conversation: ConversationDoc): void {
    if (conversation.status !== "queued") void this.evictOutsiders(conversation);
    this.visitors
      .to(rooms.visitor(conversation.visitor))
      .emit("conversation:updated", toVisitorConversationDto(conversation));
    this.staff.to(rooms.siteStaff(conversation.site)).emit("conversation:updated", toSummaryDto(conversation));
    this.wallChanged(conversation);
    this.onSiteQueueChanged(conversation.site);
  }

  /**
   * A message's conversation snapshot was taken when its seq was, before the message was stored: a close
   * in between would be undone on the wall (and in the alert watch's mirror) by that older snapshot. The
   * wall gets the conversation as it is after the message.
   */
  private async wallChangedByMessage(id: ConversationDoc["_id"]): Promise<void> {
    const fresh = await Conversation.findById(id)
      .lean<ConversationDoc>()
      .catch(() => null);
    if (fresh) this.wallChanged(fresh);
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
      const agent = socket.data.agent;
      if (!isLead(agent) && !conversation.assignee?.equals(agent._id)) socket.leave(room);
    }
  }
}
