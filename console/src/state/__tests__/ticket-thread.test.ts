import type { AttachmentDto, TicketMessageDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { draftSent, emptyDraft, mergeTicketMessages, replyInput } from "../ticket-thread.ts";
import { uploadDone, uploadFailed, uploadsStarted } from "../uploads.ts";

const TICKET = "e".repeat(24);
const message = (n: number, createdAt: string, body = `m${n}`): TicketMessageDto => ({
  id: n.toString(16).padStart(24, "0"),
  ticketId: TICKET,
  clientMsgId: `client-${n}-xxxx`,
  author: { kind: "staff", name: "Ana" },
  body,
  internal: false,
  attachments: [],
  createdAt,
});
const attachment = (id: string, name: string): AttachmentDto => ({
  id,
  name,
  contentType: "text/plain",
  size: 10,
  url: `/api/attachments/${id}`,
  createdAt: "2026-01-05T10:00:00.000Z",
});

describe("mergeTicketMessages", () => {
  it("keeps one copy per id, the later copy winning, oldest first", () => {
    const a = message(1, "2026-01-05T10:00:00.000Z");
    const b = message(2, "2026-01-05T09:00:00.000Z");
    const merged = mergeTicketMessages([a], [b, { ...a, body: "again" }]);
    expect(merged.map((m) => m.body)).toEqual(["m2", "again"]);
  });

  it("returns the same list when nothing arrives", () => {
    const list = [message(1, "2026-01-05T10:00:00.000Z")];
    expect(mergeTicketMessages(list, [])).toBe(list);
  });
});

describe("replyInput", () => {
  it("sends a reply to the customer with the draft's clientMsgId", () => {
    const draft = { ...emptyDraft("reply", "fixed-id-123"), text: "  Try version 4.2.2  " };
    expect(replyInput(TICKET, draft)).toEqual({
      ok: true,
      input: { ticketId: TICKET, clientMsgId: "fixed-id-123", body: "Try version 4.2.2", internal: false },
    });
  });

  it("marks an internal note as internal", () => {
    const draft = { ...emptyDraft("note", "fixed-id-123"), text: "Customer is on the old plan" };
    const result = replyInput(TICKET, draft);
    expect(result.ok && result.input.internal).toBe(true);
  });

  it("refuses an empty reply without files", () => {
    expect(replyInput(TICKET, { ...emptyDraft(), text: "   " })).toEqual({
      ok: false,
      message: "Write a message or attach a file.",
    });
  });

  it("sends uploaded files by id, named in the body when nothing was typed", () => {
    let uploads = uploadsStarted(
      [],
      [
        { name: "app.log", size: 10 },
        { name: "screen.png", size: 20 },
      ],
    );
    uploads = uploadDone(uploads, uploads[0]?.key ?? "", attachment("a".repeat(24), "app.log"));
    uploads = uploadDone(uploads, uploads[1]?.key ?? "", attachment("b".repeat(24), "screen.png"));
    const result = replyInput(TICKET, { ...emptyDraft("reply", "fixed-id-123"), uploads });
    expect(result).toEqual({
      ok: true,
      input: {
        ticketId: TICKET,
        clientMsgId: "fixed-id-123",
        body: "app.log, screen.png",
        internal: false,
        attachmentIds: ["a".repeat(24), "b".repeat(24)],
      },
    });
  });

  it("waits for uploads in progress and blocks on a failed one until it is removed", () => {
    const uploads = uploadsStarted([], [{ name: "big.zip", size: 10 }]);
    const key = uploads[0]?.key ?? "";
    const waiting = replyInput(TICKET, { ...emptyDraft(), text: "see file", uploads });
    expect(waiting).toEqual({ ok: false, message: "Wait for the files to finish uploading." });
    const failed = uploadFailed(uploads, key, "File too large");
    const blocked = replyInput(TICKET, { ...emptyDraft(), text: "see file", uploads: failed });
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.message).toContain("big.zip");
  });

  it("refuses a body over the limit", () => {
    const result = replyInput(TICKET, { ...emptyDraft(), text: "x".repeat(5001) });
    expect(result.ok).toBe(false);
  });
});

describe("draftSent", () => {
  it("keeps the mode and draws a new clientMsgId for the next reply", () => {
    const draft = { ...emptyDraft("note", "first-id-123"), text: "done" };
    const next = draftSent(draft, "second-id-123");
    expect(next).toEqual({ mode: "note", text: "", uploads: [], clientMsgId: "second-id-123" });
  });
});
