import { type AttachmentDto, MAX_ATTACHMENTS_PER_MESSAGE, ObjectIdString } from "@parley/shared";
import { ATTACHMENTS_PATH } from "@parley/shared/constants";
import type { Types } from "mongoose";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { Attachment, type AttachmentDoc } from "./attachment.model.ts";

export type AttachmentScope = { conversation: Types.ObjectId } | { ticket: Types.ObjectId };

export function toAttachmentDto(
  doc: Pick<AttachmentDoc, "_id" | "name" | "contentType" | "size" | "createdAt">,
): AttachmentDto {
  const id = doc._id.toHexString();
  return {
    id,
    name: doc.name,
    contentType: doc.contentType,
    size: doc.size,
    url: `${ATTACHMENTS_PATH}/${id}`,
    createdAt: doc.createdAt.toISOString(),
  };
}

/**
 * The attachments a new chat message or ticket reply references, as DTOs in the order given. Every id must
 * be a file uploaded to that same chat or ticket of that site: a message cannot pull in a file from
 * another conversation (which its readers may not be allowed to see). BAD_REQUEST otherwise, without
 * saying which check failed, so ids of other chats cannot be probed.
 *
 * `citedByVisitor`: a customer's reply may only cite what that customer can already download (their own
 * uploads, or files staff shared with them), so citing an id cannot reveal a staff-only file.
 */
export async function attachmentsFor(
  site: Types.ObjectId,
  ids: readonly string[],
  scope: AttachmentScope,
  opts: { citedByVisitor?: Types.ObjectId } = {},
): Promise<AttachmentDto[]> {
  if (ids.length === 0) return [];
  if (ids.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new AppError("BAD_REQUEST", `A message can carry at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`);
  }
  if (new Set(ids).size !== ids.length) throw new AppError("BAD_REQUEST", "The same attachment is listed twice");
  if (!ids.every((id) => ObjectIdString.safeParse(id).success)) {
    throw new AppError("BAD_REQUEST", "Unknown attachment");
  }
  const docs = await Attachment.find({
    _id: { $in: ids.map(toObjectId) },
    site,
    ...("conversation" in scope ? { conversation: scope.conversation } : { ticket: scope.ticket }),
    ...(opts.citedByVisitor
      ? { $or: [{ "uploader.kind": "visitor", "uploader.id": opts.citedByVisitor }, { customerVisible: true }] }
      : {}),
  }).lean<AttachmentDoc[]>();
  const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
  const dtos = ids.map((id) => {
    const doc = byId.get(id);
    if (!doc) throw new AppError("BAD_REQUEST", "Unknown attachment, or one uploaded somewhere else");
    return toAttachmentDto(doc);
  });
  return dtos;
}

/**
 * Lets the customer download files a staff reply sent them. Called once the reply is stored (never for
 * an internal note), so a failed reply shares nothing.
 */
export async function shareWithCustomer(attachments: readonly AttachmentDto[]): Promise<void> {
  if (attachments.length === 0) return;
  await Attachment.updateMany(
    { _id: { $in: attachments.map((a) => toObjectId(a.id)) } },
    { $set: { customerVisible: true } },
  );
}

/** Every file uploaded to a ticket, oldest first (referenced by a reply or not). */
export async function attachmentsOfTicket(ticket: Types.ObjectId): Promise<AttachmentDto[]> {
  const docs = await Attachment.find({ ticket }).sort({ createdAt: 1, _id: 1 }).lean<AttachmentDoc[]>();
  return docs.map(toAttachmentDto);
}
