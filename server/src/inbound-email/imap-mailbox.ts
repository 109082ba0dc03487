import { ImapFlow } from "imapflow";
import type { Logger } from "../logging/logger.ts";
import type { Mailbox } from "./imap-poller.ts";

/**
 * A mailbox over IMAP (imapflow), from IMAP_URL: `imaps://user:password@imap.example.com[:993]/INBOX` (the path is
 * the mailbox, INBOX by default; user and password URL-encoded). One connection per poll, holding the mailbox's
 * lock while it runs. A thin adapter: everything it does is one imapflow call; what to do with each message is
 * the poller's (imap-poller.ts).
 */
export async function openImapMailbox(url: string, logger: Logger): Promise<Mailbox> {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  const client = new ImapFlow({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
    logger: false,
  });
  // An error event nobody listens to would end the process; a dropped connection fails this poll instead.
  client.on("error", (err: unknown) => logger.warn({ err, event: "imap_error" }, "IMAP connection error"));
  await client.connect();
  const lock = await client.getMailboxLock(decodeURIComponent(u.pathname.slice(1)) || "INBOX");
  const byUid = { uid: true } as const;
  return {
    async unseen() {
      const uids = await client.search({ seen: false }, byUid);
      return Array.isArray(uids) ? [...uids].sort((a, b) => a - b) : [];
    },
    async size(uid) {
      const msg = await client.fetchOne(String(uid), { size: true }, byUid);
      return msg ? (msg.size ?? 0) : null;
    },
    async source(uid) {
      const msg = await client.fetchOne(String(uid), { source: true }, byUid);
      return msg ? (msg.source ?? null) : null;
    },
    async markSeen(uid) {
      await client.messageFlagsAdd(String(uid), ["\\Seen"], byUid);
    },
    async close() {
      lock.release();
      await client.logout();
    },
  };
}
