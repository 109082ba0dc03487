import { z } from "zod";
import { ObjectIdString } from "./primitives.ts";

/**
 * Where an upload belongs: `?conversationId=` (a chat) or `?ticketId=` (a ticket), exactly one. A message
 * can only reference files uploaded to its own chat or ticket, so the place is fixed at upload time.
 */
export const AttachmentUploadQuery = z
  .strictObject({
    conversationId: ObjectIdString.optional(),
    ticketId: ObjectIdString.optional(),
  })
  .refine((q) => (q.conversationId === undefined) !== (q.ticketId === undefined), {
    message: "give exactly one of conversationId and ticketId",
  });
export type AttachmentUploadQuery = z.infer<typeof AttachmentUploadQuery>;
