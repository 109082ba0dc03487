import {
  type AgentClientToServerEvents,
  type CannedSaveInput,
  MAX_PERSONAL_CANNED_RESPONSES,
  MAX_SITE_CANNED_RESPONSES,
} from "@parley/shared";
import type { Types } from "mongoose";
import type { AgentDoc } from "../agents/agent.model.ts";
import type { StaffContext } from "../agents/staff-context.ts";
import { staffConversation } from "../conversations/conversation-access.ts";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import type { HandlerGroup } from "../realtime/command-registry.ts";
import type { StaffNamespace } from "../realtime/namespaces.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { chatSourceKey } from "../tickets/ticket-source.model.ts";
import { ticketOfSource } from "../tickets/ticket-sources.ts";
import { assertMayEditSiteWide, editableCanned, visibleCanned } from "./canned-access.ts";
import { toCannedDto } from "./canned-dto.ts";
import { CannedNotifier } from "./canned-notifier.ts";
import { fillPlaceholders } from "./canned-placeholders.ts";
import { CannedResponse, type CannedResponseDoc, shortcutKeyOf } from "./canned-response.model.ts";

type CannedEvents = "canned:list" | "canned:save" | "canned:delete" | "canned:use";

/**
 * Every staff member lists and uses the site-wide replies and their own; admins change the site-wide ones, each
 * person their own. The role table lets everyone send these; whose reply it is is checked here (canned-access.ts).
 */
export function cannedHandlers(
  staff: StaffNamespace,
): HandlerGroup<AgentClientToServerEvents, StaffContext, CannedEvents> {
  const notify = new CannedNotifier(staff);
  return {
    "canned:list": async (_input, { agent }) => {
      const responses = await CannedResponse.find({ site: agent.site, owner: { $in: [null, agent._id] } })
        .sort({ shortcut: 1, _id: 1 })
        .lean<CannedResponseDoc[]>();
      return { responses: responses.map(toCannedDto) };
    },

    "canned:save": async (input, { agent }) => {
      const saved = input.id ? await update(agent, toObjectId(input.id), input) : await create(agent, input);
      const dto = toCannedDto(saved);
      notify.updated(saved.site, saved.owner, dto);
      return { response: dto };
    },

    "canned:delete": async ({ id }, { agent }) => {
      const c = await editableCanned(agent, toObjectId(id));
      await CannedResponse.deleteOne({ _id: c._id });
      notify.deleted(c.site, c.owner, id);
      return { id };
    },

    "canned:use": async ({ id, conversationId }, { agent }) => {
      const c = await visibleCanned(agent, toObjectId(id));
      // Only into a chat the caller may write in: the fill reads the visitor's name and email.
      const chat = await staffConversation(agent, toObjectId(conversationId), "reply");
      const ticket = await ticketOfSource(chatSourceKey(chat._id));
      const { text, unfilled } = fillPlaceholders(c.body, {
        "visitor.name": chat.visitorName,
        "visitor.email": chat.visitorEmail ?? null,
        "agent.name": agent.name,
        "ticket.number": ticket ? formatTicketNumber(ticket.number) : null,
      });
      // A use is not an edit: updatedAt stays the time of the last edit.
      const counted = await CannedResponse.findOneAndUpdate(
        { _id: c._id },
        { $inc: { useCount: 1 } },
        { returnDocument: "after", timestamps: false },
      ).lean<CannedResponseDoc>();
      return { text, unfilled, response: toCannedDto(counted ?? c) };
    },
  };
}

async function create(agent: AgentDoc, input: CannedSaveInput): Promise<CannedResponseDoc> {
  const owner = input.scope === "site" ? null : agent._id;
  if (owner === null) assertMayEditSiteWide(agent);
  const limit = owner ? MAX_PERSONAL_CANNED_RESPONSES : MAX_SITE_CANNED_RESPONSES;
  // A scan of the site's replies, on a save only. Two saves at once may pass at the limit together: one over, at most.
  if ((await CannedResponse.countDocuments({ site: agent.site, owner })) >= limit) {
    const whose = owner ? "personal canned responses" : "site-wide canned responses";
    throw new AppError("CONFLICT", `At most ${limit} ${whose}: delete one before adding another`);
  }
  const shortcutKey = shortcutKeyOf(agent.site, owner, input.shortcut);
  await assertShortcutFree(shortcutKey, null);
  return withUniqueShortcut(async () => {
    const created = await CannedResponse.create({
      site: agent.site,
      owner,
      shortcut: input.shortcut,
      shortcutKey,
      title: input.title,
      body: input.body,
    });
    return created.toObject() as CannedResponseDoc;
  });
}

async function update(agent: AgentDoc, id: Types.ObjectId, input: CannedSaveInput): Promise<CannedResponseDoc> {
  const current = await editableCanned(agent, id);
  if ((current.owner ? "personal" : "site") !== input.scope) {
    throw fieldError("scope", "cannot be changed; create a new canned response instead");
  }
  const shortcutKey = shortcutKeyOf(current.site, current.owner, input.shortcut);
  await assertShortcutFree(shortcutKey, current._id);
  return withUniqueShortcut(async () => {
    const saved = await CannedResponse.findOneAndUpdate(
      { _id: current._id },
      {
        $set: {
          shortcut: input.shortcut,
          shortcutKey,
          title: input.title,
          body: input.body,
        },
      },
      { returnDocument: "after" },
    ).lean<CannedResponseDoc>();
    // Deleted between the read and the write (another tab).
    if (!saved) throw new AppError("NOT_FOUND", "Canned response not found");
    return saved;
  });
}

const SHORTCUT_TAKEN = "is already used by another canned response in this list";

/**
 * Asked first, for a field error on every store: devdb reports a unique-index conflict on an update as an internal
 * error, not as a duplicate key. A scan, on a save only.
 */
async function assertShortcutFree(shortcutKey: string, self: Types.ObjectId | null): Promise<void> {
  const taken = await CannedResponse.findOne({ shortcutKey }).select({ _id: 1 }).lean<{ _id: Types.ObjectId }>();
  if (taken && !(self && taken._id.equals(self))) throw fieldError("shortcut", SHORTCUT_TAKEN);
}

/** Two saves of one shortcut at once both pass the check; the unique key refuses the second insert. */
async function withUniqueShortcut(write: () => Promise<CannedResponseDoc>): Promise<CannedResponseDoc> {
  try {
    return await write();
  } catch (err) {
    if (isDuplicateKey(err)) throw fieldError("shortcut", SHORTCUT_TAKEN);
    throw err;
  }
}

function fieldError(path: string, message: string): AppError {
  return new AppError("BAD_REQUEST", `${path} ${message}`, { issues: [{ path, message }] });
}
