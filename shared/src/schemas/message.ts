import { z } from "zod";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../constants.ts";
import { ClientMsgId, MessageBody, ObjectIdString } from "./primitives.ts";

/** `message:send`, the same for visitors and staff. */
export const MessageSendInput = z.strictObject({
  conversationId: ObjectIdString,
  clientMsgId: ClientMsgId,
  body: MessageBody,
  /** Files uploaded to this conversation first (see ATTACHMENTS_PATH). */
  attachmentIds: z.array(ObjectIdString).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
});
export type MessageSendInput = z.infer<typeof MessageSendInput>;
