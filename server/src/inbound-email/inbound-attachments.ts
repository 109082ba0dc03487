import type { AttachmentDto, InboundAttachment } from "@parley/shared";
import { MAX_INBOUND_ATTACHMENTS } from "@parley/shared";
import type { Types } from "mongoose";
import { Attachment, type AttachmentDoc } from "../attachments/attachment.model.ts";
import { toAttachmentDto } from "../attachments/attachment-links.ts";
import type { AttachmentStore } from "../attachments/attachment-store.ts";
import { sniffAttachment } from "../attachments/content-sniff.ts";
import { displayFileName } from "../attachments/file-name.ts";
import type { Logger } from "../logging/logger.ts";

export type RefusedReason = "type" | "content" | "size" | "empty" | "too_many";

export interface InboundFiles {
  stored: AttachmentDto[];
  refused: { name: string; reason: RefusedReason }[];
}

const REFUSED_WORDS: Record<RefusedReason, string> = {
  type: "only images (png, jpg, gif, webp), pdf, zip and text or log files are kept",
  content: "its content does not match its name",
  size: "too large",
  empty: "empty",
  too_many: `more than ${MAX_INBOUND_ATTACHMENTS} files in one email`,
};

/** A line for the stored reply, so staff see what the customer sent that was not kept, and why. */
export function refusedNote(refused: InboundFiles["refused"]): string {
  if (refused.length === 0) return "";
  const items = refused.map((r) => `${r.name} (${REFUSED_WORDS[r.reason]})`).join("; ");
  return `[Not attached: ${items}]`;
}

/**
 * An email's files, through the same checks as an upload (downloads/attachment.routes.ts): the size limit
 * (ATTACHMENT_MAX_BYTES), the type decided by the content and agreeing with the name, and the cleaned display name.
 * Kept files belong to the ticket and are the customer's own (customerVisible). A refused file is left out and
 * listed, never stored.
 */
export async function storeInboundFiles(
  files: readonly InboundAttachment[],
  ctx: {
    store: AttachmentStore;
    maxBytes: number;
    site: Types.ObjectId;
    ticket: Types.ObjectId;
    senderName: string;
    logger: Logger;
  },
): Promise<InboundFiles> {
  const result: InboundFiles = { stored: [], refused: [] };
  for (const [i, file] of files.entries()) {
    const name = displayFileName(file.fileName) || "attachment";
    const refuse = (reason: RefusedReason) => {
      result.refused.push({ name, reason });
      ctx.logger.info({ event: "inbound_attachment_refused", reason, size: file.bytes.length }, "email file refused");
    };
    if (i >= MAX_INBOUND_ATTACHMENTS) {
      refuse("too_many");
      continue;
    }
    if (file.bytes.length === 0) {
      refuse("empty");
      continue;
    }
    if (file.bytes.length > ctx.maxBytes) {
      refuse("size");
      continue;
    }
    const sniffed = sniffAttachment(file.bytes, name);
    if (!sniffed.ok) {
      refuse(sniffed.reason === "unknown_extension" ? "type" : "content");
      continue;
    }
    const storedName = await ctx.store.put(file.bytes);
    try {
      const created = await Attachment.create({
        site: ctx.site,
        conversation: null,
        ticket: ctx.ticket,
        uploader: { kind: "email", id: ctx.ticket, name: ctx.senderName },
        customerVisible: true,
        name,
        contentType: sniffed.contentType,
        size: file.bytes.length,
        storedName,
      });
      result.stored.push(toAttachmentDto(created.toObject<AttachmentDoc>()));
    } catch (err) {
      await ctx.store.remove(storedName);
      throw err;
    }
  }
  return result;
}
