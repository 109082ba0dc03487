import type { Types } from "mongoose";
import { isDuplicateKey } from "../db/duplicate-key.ts";
import type { Mailer } from "../email/mail.ts";
import { type TranscriptLine, transcriptMail } from "../email/transcript-email.ts";
import { AppError } from "../errors/app-error.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { VisitorRef } from "../visitors/visitor-auth.ts";
import { ChatEndClaim, chatEndClaimOf } from "./chat-end-claim.model.ts";
import { ClosedConversation } from "./conversation.model.ts";
import { endedChatOf } from "./ended-chat.ts";
import type { MessageLog } from "./message-log.ts";
import { messagesAfter } from "./message-store.ts";

/** A transcript longer than this is cut (an email, not an archive); a chat that long is very rare. */
const MAX_TRANSCRIPT_MESSAGES = 2_000;

/**
 * The visitor of an ended chat asks for its transcript by email: to the address they type, or the one
 * they gave when the chat started. Once per chat (a claim row, chat-end-claim.model.ts): an email address typed
 * in a widget must not become a way to send a site's emails to anyone, over and over. Through the email outbox,
 * so a mail server that is down delays it rather than losing it. Only what the visitor saw: no staff notes.
 */
export async function emailTranscript(
  deps: { mailer: Mailer; log: Pick<MessageLog, "settled"> },
  visitor: VisitorRef,
  site: SiteDoc,
  conversationId: Types.ObjectId,
  email: string | undefined,
  now: Date,
): Promise<{ sentTo: string }> {
  const chat = await endedChatOf(visitor, conversationId);
  const to = email ?? chat.visitorEmail;
  if (!to) throw new AppError("BAD_REQUEST", "Give an email address to send the transcript to");
  if (chat.transcriptSentAt) throw alreadySent();
  try {
    await ChatEndClaim.create({ _id: chatEndClaimOf(conversationId, "transcript"), at: now });
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadySent();
    throw err;
  }
  await ClosedConversation.updateOne(
    { _id: conversationId },
    { $set: { transcriptSentAt: now } },
    { timestamps: false },
  );

  const lines: TranscriptLine[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await messagesAfter(chat, afterSeq, "visitor", (id) => deps.log.settled(id));
    for (const m of page.messages) {
      // "visitor" audience already leaves notes out; checked again here, as this leaves the building.
      if (m.internal) continue;
      lines.push({
        at: m.createdAt,
        kind: m.authorKind === "visitor" ? "visitor" : m.authorKind === "system" ? "system" : "agent",
        authorName: m.authorName,
        body: m.body,
        fileNames: (m.attachments ?? []).map((a) => a.name),
      });
      afterSeq = Math.max(afterSeq, m.seq);
    }
    const last = page.messages.at(-1);
    if (!page.hasMore || !last || lines.length >= MAX_TRANSCRIPT_MESSAGES) break;
  }

  // Not awaited: the outbox stores it and retries, and a slow mail server must not hold the visitor's answer.
  void deps.mailer.send(
    transcriptMail({
      to,
      siteName: site.name,
      agentName: chat.assigneeName ?? null,
      startedAt: chat.createdAt,
      timeZone: chat.environment?.timeZone || site.supportHours.timeZone,
      lines: lines.slice(0, MAX_TRANSCRIPT_MESSAGES),
      site: chat.site.toHexString(),
    }),
  );
  return { sentTo: to };
}

const alreadySent = () => new AppError("RATE_LIMITED", "The transcript of this chat was already sent");
