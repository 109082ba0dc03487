import type { Environment } from "@parley/shared";
import type { AttachmentRef } from "./attachments.ts";
import type { StartDraft } from "./chat-state.ts";
import { newClientMsgId } from "./ids.ts";
import type { OutboxEntry } from "./outbox.ts";

// Bodies are trimmed here as the server would, so what the visitor sees while a send is
// pending is exactly what will be stored.

/** `environment`: captureEnvironment() as the form was sent (environment.ts travels with the forms chunk). */
export function startEntry(draft: StartDraft, environment: Environment, afterHours = false): OutboxEntry {
  const entry: OutboxEntry = {
    clientMsgId: newClientMsgId(),
    kind: "start",
    body: draft.body.trim(),
    name: draft.name.trim(),
    environment,
    createdAt: new Date().toISOString(),
  };
  const email = draft.email.trim();
  if (email) entry.email = email;
  if (draft.product) entry.product = draft.product;
  if (afterHours) entry.afterHours = true;
  return entry;
}

export function messageEntry(
  body: string,
  conversationId: string | null,
  attachments: readonly AttachmentRef[] = [],
): OutboxEntry {
  const entry: OutboxEntry = {
    clientMsgId: newClientMsgId(),
    kind: "message",
    body: body.trim(),
    createdAt: new Date().toISOString(),
  };
  if (conversationId) entry.conversationId = conversationId;
  if (attachments.length > 0) entry.attachments = attachments.map(({ id, name }) => ({ id, name }));
  return entry;
}
