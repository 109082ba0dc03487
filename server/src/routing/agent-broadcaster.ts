import type { AgentNoticeDto } from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import { toTeamMemberDto } from "../agents/agent-dto.ts";
import { isLead } from "../agents/roles.ts";
import { Conversation } from "../conversations/conversation.model.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";

/** Tells a site's staff that a colleague's status, load or settings changed (their own included). */
export class AgentBroadcaster {
  constructor(
    private readonly staff: StaffNamespace,
    /** Agents' status and load drive queue estimates and whether the widget offers a chat. */
    private readonly onSiteTeamChanged: (siteId: AgentDoc["site"]) => void,
  ) {}

  agentChanged(agent: AgentDoc): void {
    // A role change moves the agent's open consoles in or out of the wall's room at once.
    const tabs = this.staff.in(rooms.agent(agent._id));
    if (isLead(agent) && !agent.disabled) tabs.socketsJoin(rooms.siteLeads(agent.site));
    // Listing the agent's tabs asks every node; with Redis away that times out, and their tabs keep the wall until
    // they reload. Every wall event is still authorized per event, so they can do nothing with it.
    else this.stepDown(agent).catch(() => undefined);
    this.staff.to(rooms.siteStaff(agent.site)).emit("agent:updated", toTeamMemberDto(agent));
    this.onSiteTeamChanged(agent.site);
  }

  /**
   * A supervisor made an agent leaves the wall, and stops hearing the chats they were watching (whispers
   * included): their tabs leave every conversation room but their own chats'.
   */
  private async stepDown(agent: AgentDoc): Promise<void> {
    const leads = rooms.siteLeads(agent.site);
    const sockets = await this.staff.in(rooms.agent(agent._id)).fetchSockets();
    const wasLead = sockets.filter((s) => s.rooms.has(leads));
    if (wasLead.length === 0) return;
    const own = await Conversation.find({ assignee: agent._id, status: { $ne: "closed" } })
      .select({ _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    const keep = new Set(own.map((c) => rooms.conversation(c._id)));
    for (const socket of wasLead) {
      socket.leave(leads);
      for (const room of socket.rooms) if (room.startsWith("conv:") && !keep.has(room)) socket.leave(room);
    }
  }

  /** Tells one agent's console tabs (and nobody else) why something happened to them. */
  notice(agentId: Types.ObjectId, notice: AgentNoticeDto): void {
    this.staff.to(rooms.agent(agentId)).emit("agent:notice", notice);
  }

  /** Cuts every console tab of an agent at once (disabled account). */
  disconnect(agent: AgentDoc): void {
    this.staff.in(rooms.agent(agent._id)).disconnectSockets(true);
  }
}
