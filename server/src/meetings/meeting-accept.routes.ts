import { OpaqueToken } from "@parley/shared";
import { type Response, Router } from "express";
import { AppError } from "../errors/app-error.ts";
import { hashToken } from "../security/opaque-token.ts";
import type { RateLimits } from "../security/rate-limits.ts";
import { siteOf } from "../sites/site-lookup.ts";
import { Ticket, type TicketDoc } from "../tickets/ticket.model.ts";
import { formatTicketNumber } from "../tickets/ticket-number.ts";
import { MeetingAcceptLink, type MeetingAcceptLinkDoc } from "./meeting-accept-link.model.ts";
import type { MeetingDesk } from "./meeting-desk.ts";
import { slotWords } from "./meeting-emails.ts";
import { TicketMeetings, type TicketMeetingsDoc } from "./ticket-meetings.model.ts";

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page of plain HTML: no script (the helmet CSP allows none inline), every value escaped. */
function page(res: Response, status: number, title: string, body: string): void {
  res
    .status(status)
    .type("html")
    .set("cache-control", "no-store")
    .set("referrer-policy", "no-referrer")
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem">` +
        `<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/**
 * The accept links of a proposal email. Opening one (GET) only shows the slot and a button: mail
 * scanners and link previews fetch links, and must not book anything. The button POSTs to the same address, which
 * accepts as the ticket's requester would in the widget, with the same refusals (twice, superseded, passed).
 */
export function meetingAcceptRoutes(deps: {
  meetings: MeetingDesk;
  limit: RateLimits["visitorSessions"];
  clock: () => Date;
}): Router {
  const router = Router();

  const linkOf = async (token: string | undefined, ip: string | undefined) => {
    if (!(await deps.limit.perAddress.take(ip ?? "unknown"))) {
      throw new AppError("RATE_LIMITED", "Too many requests from this address; try again shortly");
    }
    const parsed = OpaqueToken.safeParse(token);
    const link = parsed.success
      ? await MeetingAcceptLink.findById(hashToken(parsed.data)).lean<MeetingAcceptLinkDoc>()
      : null;
    if (!link || link.expiresAt.getTime() <= deps.clock().getTime()) return null;
    const [ticket, meetings] = await Promise.all([
      Ticket.findById(link.ticket).lean<TicketDoc>(),
      TicketMeetings.findById(link.ticket.toHexString()).lean<TicketMeetingsDoc>(),
    ]);
    const meeting = meetings?.meetings.find((m) => m.id === link.meeting);
    const slot = meeting?.slots[link.slot];
    if (!ticket || !meeting || !slot) return null;
    return { link, ticket, meeting, slot: { start: new Date(slot.start), end: new Date(slot.end) } };
  };

  const invalid = (res: Response) =>
    page(
      res,
      404,
      "Link not valid",
      "<p>This link has expired or is not valid. Please pick a time in the support chat.</p>",
    );

  router.get("/meetings/accept/:token", async (req, res) => {
    const found = await linkOf(req.params.token, req.ip);
    if (!found) return invalid(res);
    const { ticket, meeting, slot } = found;
    const when = escapeHtml(slotWords(slot, meeting.customerTimeZone));
    const number = escapeHtml(formatTicketNumber(ticket.number));
    if (meeting.status !== "proposed") {
      const why =
        meeting.status === "accepted"
          ? "A time was already accepted for this meeting."
          : "This proposal was replaced by a newer one.";
      return page(res, 409, "Web conference", `<p>${escapeHtml(why)}</p>`);
    }
    page(
      res,
      200,
      "Web conference",
      `<p>Ticket ${number}: ${escapeHtml(ticket.fields.subject)}</p><p>Proposed time: <strong>${when}</strong></p>` +
        `<form method="post"><button type="submit">Accept this time</button></form>`,
    );
  });

  router.post("/meetings/accept/:token", async (req, res) => {
    const found = await linkOf(req.params.token, req.ip);
    if (!found) return invalid(res);
    const { link, ticket, meeting, slot } = found;
    try {
      await deps.meetings.accept(ticket, await siteOf(link.site), { meetingId: meeting.id, slot: link.slot });
    } catch (err) {
      const error = AppError.from(err);
      if (error.code === "INTERNAL") throw err;
      return page(res, error.code === "CONFLICT" ? 409 : 400, "Web conference", `<p>${escapeHtml(error.message)}</p>`);
    }
    page(
      res,
      200,
      "Web conference booked",
      `<p>Booked for <strong>${escapeHtml(slotWords(slot, meeting.customerTimeZone))}</strong>. The calendar invite is on its way by email.</p>` +
        `<p>Meeting link: <a href="${escapeHtml(meeting.link)}" rel="noopener noreferrer">${escapeHtml(meeting.link)}</a></p>`,
    );
  });
  return router;
}
