import type { CannedResponseDto } from "@parley/shared";
import type { Types } from "mongoose";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { rooms } from "../realtime/rooms.ts";

/**
 * Tells the consoles that keep the list: site-wide changes go to the site's staff, personal ones to their owner's
 * sockets only (every tab and node, through the agent's room), never to colleagues.
 */
export class CannedNotifier {
  constructor(private readonly staff: StaffNamespace) {}

  updated(site: Types.ObjectId, owner: Types.ObjectId | null, response: CannedResponseDto): void {
    this.audience(site, owner).emit("canned:updated", response);
  }

  deleted(site: Types.ObjectId, owner: Types.ObjectId | null, id: string): void {
    this.audience(site, owner).emit("canned:deleted", { id, scope: owner ? "personal" : "site" });
  }

  private audience(site: Types.ObjectId, owner: Types.ObjectId | null) {
    return this.staff.to(owner ? rooms.agent(owner) : rooms.siteStaff(site));
  }
}
