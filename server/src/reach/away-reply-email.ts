import type { ConversationDoc } from "../conversations/conversation.model.ts";
import { Conversation } from "../conversations/conversation.model.ts";
import type { MessageDoc } from "../conversations/message.model.ts";
import type { Mailer } from "../email/mail.ts";
import type { Logger } from "../logging/logger.ts";
import { hashToken, mintToken } from "../security/opaque-token.ts";
import { isOriginAllowed } from "../sites/origin-policy.ts";
import { cachedSite } from "../sites/site-cache.ts";
import { ReopenLink } from "./reopen-link.model.ts";

/** At most one "reply while you were away" email per chat in this long: a burst of replies is one email. */
export const AWAY_EMAIL_GAP_MS = 15 * 60_000;
/** How long the email's link reopens the chat. */
export const REOPEN_LINK_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Always reachable: an agent's reply to a visitor who is not connected (`visitorDisconnectedAt`
 * is stamped when their last socket goes) reaches them by email, if they gave one, with a link that
 * reopens the chat in the widget. Coalesced: the first reply of a burst is emailed at once (the visitor waits for
 * it) and later ones within AWAY_EMAIL_GAP_MS are not; the link shows the whole chat. The gap is claimed by a
 * compare-and-set on the chat (`replyEmailedAt`), so two nodes, or two replies at once, send one email.
 */
export class AwayReplyEmail {
  constructor(private readonly deps: { mailer: Mailer; clock: () => Date; logger: Logger }) {}

  async messageStored(chat: ConversationDoc, message: MessageDoc): Promise<void> {
    if (message.authorKind !== "agent" || message.internal) return;
    if (!chat.visitorEmail || !chat.visitorDisconnectedAt || chat.status === "closed") return;
    const now = this.deps.clock();
    const seen = chat.replyEmailedAt ?? null;
    if (seen && now.getTime() - seen.getTime() < AWAY_EMAIL_GAP_MS) return;
    const claimed = await Conversation.updateOne(
      { _id: chat._id, replyEmailedAt: seen },
      { $set: { replyEmailedAt: now } },
      { timestamps: false },
    );
    if (claimed.modifiedCount === 0) return;
    const site = await cachedSite(chat.site);
    if (!site) return;
    const page = pageOf(chat.environment?.url ?? undefined, site);
    let link: string | null = null;
    if (page) {
      const token = mintToken();
      await ReopenLink.create({
        _id: hashToken(token),
        visitor: chat.visitor,
        site: chat.site,
        conversation: chat._id,
        expiresAt: new Date(now.getTime() + REOPEN_LINK_TTL_MS),
      });
      link = `${page}#parley=${token}`;
    }
    await this.deps.mailer.send(
      awayReplyMail({
        to: chat.visitorEmail,
        siteName: site.name,
        agentName: message.authorName,
        body: message.body,
        link,
        site: chat.site.toHexString(),
      }),
    );
  }
}

/**
 * The page the chat was started on, without its fragment, only if it is on one of the site's allowed origins:
 * the URL comes from the visitor's browser, and an email from the support team must never link elsewhere.
 */
export function pageOf(url: string | undefined, site: { allowedOrigins: string[] }): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (!isOriginAllowed(site, parsed.origin)) return null;
  parsed.hash = "";
  return parsed.toString();
}

export function awayReplyMail(m: {
  to: string;
  siteName: string;
  agentName: string;
  body: string;
  link: string | null;
  site: string;
}) {
  const open = m.link
    ? `Open the chat to answer and to see any further replies (this link works for 7 days):\n${m.link}\n`
    : `Come back to the chat on ${m.siteName}'s website to answer and to see any further replies.\n`;
  return {
    to: m.to,
    subject: `New reply from ${oneLine(m.siteName)} support`,
    text: `${m.agentName} replied to your chat while you were away:\n\n${m.body}\n\n${open}\nThis email was sent automatically; replies to it are not read.`,
    kind: "chat_reply" as const,
    site: m.site,
  };
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();
