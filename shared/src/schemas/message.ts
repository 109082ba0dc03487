import { z } from "zod";
import { ClientMsgId, MessageBody, ObjectIdString } from "./primitives.ts";

/** `message:send`, the same for visitors and staff. */
export const MessageSendInput = z.strictObject({
  conversationId: ObjectIdString,
  clientMsgId: ClientMsgId,
  body: MessageBody,
});
export type MessageSendInput = z.infer<typeof MessageSendInput>;
