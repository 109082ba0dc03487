import type { AgentStatus } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logging/logger.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";
import { Agent, type AgentDoc } from "./agent.model.ts";
import { updateAgentIf } from "./agent-writes.ts";

/** Told of every status change, with the status before it. */
export type PresenceListener = (agent: AgentDoc, previous: AgentStatus) => Promise<void>;

/**
 * Online / away / offline. The status an agent picks is kept as `preferredStatus`; everyone sees
 * `status`, which becomes "offline" only when the agent's last console tab has been gone for `graceMs`, so
 * a reload or a brief network drop is not a logout. Opening the console again restores what they picked.
 *
 * Tabs are counted through Socket.IO's rooms (fetchSockets): with the Redis adapter that asks every node, so a tab on
 * node A keeps an agent whose tab on node B closed online. The grace timer lives on the node where the last tab
 * closed; a node that dies takes its timers with it, which the leased presence sweep makes up for.
 */
export class Presence {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly staff: StaffNamespace,
    private readonly graceMs: number,
    private readonly listener: PresenceListener,
    private readonly logger: Logger,
  ) {}

  /** A console tab connected: cancel a pending offline, and come back with the status last picked. */
  async connected(agentId: string): Promise<void> {
    const id = toObjectId(agentId);
    this.cancel(id);
    const current = await Agent.findById(id).lean<AgentDoc>();
    if (!current || current.disabled || current.status !== "offline" || current.preferredStatus === "offline") return;
    const restored = await updateAgentIf(
      { _id: id, status: "offline", preferredStatus: current.preferredStatus, disabled: false },
      { $set: { status: current.preferredStatus } },
    );
    if (restored) await this.listener(restored, "offline");
  }

  /** A tab went away; if it was the last, the agent goes offline after the grace period. */
  disconnected(agentId: string): void {
    this.schedule(toObjectId(agentId), this.graceMs);
  }

  /** The agent picked a status in the console. */
  async set(agent: AgentDoc, status: AgentStatus): Promise<AgentDoc> {
    const before = await Agent.findById(agent._id).lean<AgentDoc>();
    const after = await updateAgentIf(
      { _id: agent._id, disabled: false },
      { $set: { status, preferredStatus: status } },
    );
    if (!before || !after) throw new AppError("UNAUTHENTICATED", "Your account is no longer active");
    if (before.status !== status) await this.listener(after, before.status);
    return after;
  }

  /**
   * After a restart nobody is connected yet: give everyone who was on the grace period to come back,
   * as if their tabs had all just closed.
   */
  async start(): Promise<void> {
    await this.sweep();
  }

  /**
   * Gives every agent shown as present the grace period to prove it (a tab on any node). Also run periodically on
   * one node of a cluster: a node that dies takes its grace timers with it, and its agents' tabs may never come back.
   */
  async sweep(): Promise<void> {
    const present = await Agent.find({ status: { $ne: "offline" } })
      .select({ _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>();
    for (const a of present) if (!this.timers.has(a._id.toHexString())) this.schedule(a._id, this.graceMs);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(agentId: Types.ObjectId, delay: number): void {
    this.cancel(agentId);
    const timer = setTimeout(() => {
      this.timers.delete(agentId.toHexString());
      this.goOfflineIfGone(agentId).catch((err) => this.logger.error({ err }, "presence update failed"));
    }, delay);
    timer.unref();
    this.timers.set(agentId.toHexString(), timer);
  }

  private cancel(agentId: Types.ObjectId): void {
    const key = agentId.toHexString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private async goOfflineIfGone(agentId: Types.ObjectId): Promise<void> {
    if ((await this.staff.in(rooms.agent(agentId)).fetchSockets()).length > 0) return;
    const before = await Agent.findById(agentId).lean<AgentDoc>();
    if (!before || before.status === "offline") return;
    const after = await updateAgentIf({ _id: agentId, status: before.status }, { $set: { status: "offline" } });
    if (!after) return;
    await this.listener(after, before.status);
    // A tab that connected between the socket check and the write saw the agent still present and
    // changed nothing; with the write done, it would be left showing Offline. Look once more.
    if ((await this.staff.in(rooms.agent(agentId)).fetchSockets()).length > 0)
      await this.connected(agentId.toHexString());
  }
}
