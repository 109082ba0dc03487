import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import type { AgentDoc } from "./agent.model.ts";
import { toTeamMemberDto } from "./agent-dto.ts";
import { isLead } from "./roles.ts";

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
    else tabs.socketsLeave(rooms.siteLeads(agent.site));
    this.staff.to(rooms.siteStaff(agent.site)).emit("agent:updated", toTeamMemberDto(agent));
    this.onSiteTeamChanged(agent.site);
  }

  /** Cuts every console tab of an agent at once (disabled account). */
  disconnect(agent: AgentDoc): void {
    this.staff.in(rooms.agent(agent._id)).disconnectSockets(true);
  }
}
