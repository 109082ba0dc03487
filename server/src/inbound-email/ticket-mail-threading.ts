import { randomBytes } from "node:crypto";
import type { MailThreading } from "../tickets/mail-threading.ts";
import type { Clock } from "../time/clock.ts";
import { emailSourceMessageId } from "./email-source.ts";
import { recordMailId } from "./mail-ids.ts";
import { replyTokenOf } from "./reply-tokens.ts";
import { SupportAddresses } from "./support-addresses.ts";

export function ticketMailThreading(addresses: SupportAddresses, clock: Clock): MailThreading {
  return {
    async headersFor(ticket, site) {
      const entry = addresses.addressOf(site);
      if (!entry) return null;
      const token = await replyTokenOf(ticket);
      const messageId = `<parley.${randomBytes(12).toString("hex")}@${SupportAddresses.domainOf(entry)}>`;
      await recordMailId(messageId, "sent", ticket, clock());
      const inReplyTo = emailSourceMessageId(ticket);
      return { replyTo: addresses.replyAddress(entry, token), messageId, ...(inReplyTo ? { inReplyTo } : {}) };
    },
  };
}
