import { ATTACHMENT_FILENAME_HEADER, ATTACHMENTS_PATH, type TicketStatus, VISITOR_SITE_HEADER } from "@parley/shared";
import mongoose, { type Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  download,
  EXE_BYTES,
  PNG_BYTES,
  storedFiles,
  tempDataDir,
  upload,
  uploaded,
} from "../../../test/attachments-harness.ts";
import { ok, TestServer, waitingVisitor } from "../../../test/harness.ts";
import { toObjectId } from "../../db/object-id.ts";
import { hashToken } from "../../security/opaque-token.ts";
import { Ticket } from "../../tickets/ticket.model.ts";
import { Visitor } from "../../visitors/visitor.model.ts";
import { Attachment } from "../attachment.model.ts";
import { attachmentsFor, attachmentsOfTicket, shareWithCustomer } from "../attachment-links.ts";

const MAX_BYTES = 4096;
const SHOP = "https://shop.example.test";

let t: TestServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
let otherSite: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  data = await tempDataDir();
  t = await TestServer.start(undefined, { PARLEY_DATA_DIR: data.dir, ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  site = await t.createSite(undefined, [...t.server.origins.all, SHOP]);
  otherSite = await t.createSite();
});
afterAll(async () => {
  await t.stop();
  await data.remove();
});

/** A visitor's chat, accepted by an agent of the site. */
async function acceptedChat() {
  // Someone must be online, or new chats go to the offline form.
  const agent = await t.staff(site._id, "agent", "Ana");
  const visitor = await waitingVisitor(t, site.key);
  await ok(agent.socket, "conversation:accept", { conversationId: visitor.id });
  return { visitor, agent, as: { visitorToken: visitor.token, siteKey: site.key } };
}

const LOG = "2026-03-01T10:00:00Z ERROR export stopped at 50%\n\tat Exporter.run (export.ts:42)\n";

async function visitorOf(token: string) {
  const visitor = await Visitor.findOne({ tokenHash: hashToken(token) }).lean();
  if (!visitor) throw new Error("no visitor");
  return visitor;
}

let ticketNumber = 5000;

/**
 * A ticket row with what attachment access reads (site, visitor, chat, status), written past the model's
 * validation: the ticket schema grows with the ticket work, and these tests are about attachments.
 */
async function ticketRow(fields: {
  site: Types.ObjectId;
  visitor?: Types.ObjectId | null;
  conversation?: Types.ObjectId | null;
  status?: TicketStatus;
}): Promise<Types.ObjectId> {
  const _id = new mongoose.Types.ObjectId();
  await Ticket.collection.insertOne({
    _id,
    number: ticketNumber++,
    status: "open",
    visitor: null,
    conversation: null,
    sourceKey: `test:${_id.toHexString()}`,
    ...fields,
  });
  return _id;
}

const ticketFor = (site: Types.ObjectId, visitor: Types.ObjectId | null, status: TicketStatus = "open") =>
  ticketRow({ site, visitor, status });

describe("uploading to a chat", () => {
  it("should store a visitor's log that they and the chat's agent download byte for byte, as an attachment", async () => {
    const { visitor, agent, as } = await acceptedChat();
    const res = await upload(t, { conversationId: visitor.id }, { name: "server (1).log", bytes: LOG }, as);
    expect(res.status).toBe(201);
    if (!res.body.ok) throw new Error(res.body.error.code);
    const file = res.body.data.attachment;
    expect(file).toMatchObject({
      name: "server (1).log",
      contentType: "text/plain; charset=utf-8",
      size: Buffer.byteLength(LOG),
      url: `${ATTACHMENTS_PATH}/${file.id}`,
    });

    for (const creds of [as, { cookie: agent.cookie }]) {
      const got = await download(t, file.url, creds);
      expect(got.status).toBe(200);
      expect(got.bytes.toString("utf8")).toBe(LOG);
      expect(got.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(got.headers.get("content-disposition")).toBe(
        "attachment; filename=\"server (1).log\"; filename*=UTF-8''server%20%281%29.log",
      );
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      expect(got.headers.get("cache-control")).toBe("private, no-store");
      expect(got.headers.get("content-security-policy")).toContain("sandbox");
    }

    const row = await Attachment.findById(file.id).lean();
    expect(row).toMatchObject({ site: site._id, ticket: null, uploader: { kind: "visitor" } });
    expect(row?.conversation?.toHexString()).toBe(visitor.id);
    expect(await storedFiles(data.dir)).toContain(row?.storedName);
  });

  it("should let the agent upload a screenshot and keep a non-ASCII name for display only", async () => {
    const { visitor, agent, as } = await acceptedChat();
    const file = await uploaded(
      t,
      { conversationId: visitor.id },
      { name: "C:\\Users\\ana\\Écran\u202e 2026.png", bytes: PNG_BYTES },
      { cookie: agent.cookie },
    );
    expect(file).toMatchObject({ name: "Écran 2026.png", contentType: "image/png", size: PNG_BYTES.length });
    const got = await download(t, file.url, as);
    expect(Buffer.compare(got.bytes, Buffer.from(PNG_BYTES))).toBe(0);
    expect(got.headers.get("content-disposition")).toBe(
      "attachment; filename=\"_cran 2026.png\"; filename*=UTF-8''%C3%89cran%202026.png",
    );
  });

  it("should refuse a body over ATTACHMENT_MAX_BYTES with 413 and store nothing", async () => {
    const { visitor, as } = await acceptedChat();
    const rowsBefore = await Attachment.countDocuments();
    const filesBefore = await storedFiles(data.dir);
    const res = await upload(
      t,
      { conversationId: visitor.id },
      { name: "big.log", bytes: "x".repeat(MAX_BYTES + 1) },
      as,
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    // Far over: refused from the declared length, before the body is read.
    const huge = await upload(
      t,
      { conversationId: visitor.id },
      { name: "huge.log", bytes: "x".repeat(1_000_000) },
      as,
    );
    expect(huge.status).toBe(413);
    expect(await Attachment.countDocuments()).toBe(rowsBefore);
    expect(await storedFiles(data.dir)).toEqual(filesBefore);

    // Exactly at the limit is fine.
    const atLimit = await upload(
      t,
      { conversationId: visitor.id },
      { name: "ok.log", bytes: "x".repeat(MAX_BYTES) },
      as,
    );
    expect(atLimit.status).toBe(201);
  });

  it.each([
    ["an executable named .png", "setup.png", EXE_BYTES],
    ["a PNG named .pdf", "report.pdf", PNG_BYTES],
    ["a PNG named .txt", "notes.txt", PNG_BYTES],
    ["an HTML page named .html", "page.html", "<html><script>alert(1)</script></html>"],
    ["an executable named .exe", "setup.exe", EXE_BYTES],
  ])("should refuse %s with 415 and store nothing", async (_what, name, bytes) => {
    const { visitor, as } = await acceptedChat();
    const before = (await storedFiles(data.dir)).length;
    const res = await upload(t, { conversationId: visitor.id }, { name, bytes, contentType: "image/png" }, as);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ ok: false, error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    expect(await Attachment.countDocuments({ conversation: visitor.id })).toBe(0);
    expect(await storedFiles(data.dir)).toHaveLength(before);
  });

  it("should accept an HTML page named .txt only as plain text, served so that no browser renders it", async () => {
    const { visitor, as } = await acceptedChat();
    const html = "<!doctype html><script>alert(document.cookie)</script>";
    const file = await uploaded(
      t,
      { conversationId: visitor.id },
      { name: "page.txt", bytes: html, contentType: "text/html" },
      as,
    );
    expect(file.contentType).toBe("text/plain; charset=utf-8");
    const got = await download(t, file.url, as);
    expect(got.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(got.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("should refuse an empty body, a missing file name, and a query naming both or neither place", async () => {
    const { visitor, as } = await acceptedChat();
    const cases = [
      await upload(t, { conversationId: visitor.id }, { name: "empty.log", bytes: "" }, as),
      await upload(t, { conversationId: visitor.id }, { name: null, bytes: LOG }, as),
      await upload(t, { conversationId: visitor.id, ticketId: visitor.id }, { name: "a.log", bytes: LOG }, as),
      await upload(t, {}, { name: "a.log", bytes: LOG }, as),
      await upload(t, { conversationId: "not-an-id" }, { name: "a.log", bytes: LOG }, as),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
  });

  it("should not let a visitor upload to someone else's conversation", async () => {
    const { visitor } = await acceptedChat();
    const mallory = await t.visitorToken(site.key);
    const res = await upload(
      t,
      { conversationId: visitor.id },
      { name: "x.log", bytes: LOG },
      { visitorToken: mallory, siteKey: site.key },
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await Attachment.countDocuments({ conversation: visitor.id })).toBe(0);
  });

  it("should refuse uploads without credentials, and from staff who may not reply in the chat", async () => {
    const { visitor } = await acceptedChat();
    const anonymous = await upload(t, { conversationId: visitor.id }, { name: "x.log", bytes: LOG }, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const otherAgent = await t.staff(site._id, "agent", "Bo");
    const res = await upload(
      t,
      { conversationId: visitor.id },
      { name: "x.log", bytes: LOG },
      { cookie: otherAgent.cookie },
    );
    expect(res.status).toBe(403);
    const foreign = await t.staff(otherSite._id, "admin", "Zed");
    const elsewhere = await upload(
      t,
      { conversationId: visitor.id },
      { name: "x.log", bytes: LOG },
      { cookie: foreign.cookie },
    );
    expect(elsewhere.status).toBe(404);
  });

  it("should refuse a visitor's upload once the chat is closed", async () => {
    const { visitor, agent, as } = await acceptedChat();
    await ok(agent.socket, "conversation:close", { conversationId: visitor.id });
    const res = await upload(t, { conversationId: visitor.id }, { name: "late.log", bytes: LOG }, as);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ ok: false, error: { code: "CONVERSATION_CLOSED" } });
  });

  it("should rate-limit a visitor's uploads after a burst of 20", async () => {
    const { visitor, as } = await acceptedChat();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await upload(t, { conversationId: visitor.id }, { name: `${i}.log`, bytes: "line\n" }, as)).status,
      );
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe("downloading", () => {
  it("should answer 404 to other visitors, other sites' visitors and staff, and 401 without credentials", async () => {
    const { visitor, as } = await acceptedChat();
    const file = await uploaded(t, { conversationId: visitor.id }, { name: "secret.log", bytes: LOG }, as);

    const sameSiteVisitor = { visitorToken: await t.visitorToken(site.key), siteKey: site.key };
    const otherSiteVisitor = { visitorToken: await t.visitorToken(otherSite.key), siteKey: otherSite.key };
    const tokenForWrongSite = { visitorToken: visitor.token, siteKey: otherSite.key };
    const otherSiteAdmin = await t.staff(otherSite._id, "admin", "Zed");

    for (const creds of [sameSiteVisitor, otherSiteVisitor, { cookie: otherSiteAdmin.cookie }]) {
      const got = await download(t, file.url, creds);
      expect(got.status).toBe(404);
      expect(JSON.parse(got.bytes.toString())).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect((await download(t, file.url, tokenForWrongSite)).status).toBe(401);
    expect((await download(t, file.url, {})).status).toBe(401);
    expect(
      (await download(t, file.url, { cookie: "parley_session=not-a-session-token-at-all-0000000000" })).status,
    ).toBe(401);
  });

  it("should follow the chat visibility rules for staff: the assignee and leads, not another agent", async () => {
    const { visitor, as } = await acceptedChat();
    const file = await uploaded(t, { conversationId: visitor.id }, { name: "a.log", bytes: LOG }, as);
    const bo = await t.staff(site._id, "agent", "Bo");
    const sue = await t.staff(site._id, "supervisor", "Sue");
    expect((await download(t, file.url, { cookie: bo.cookie })).status).toBe(404);
    expect((await download(t, file.url, { cookie: sue.cookie })).status).toBe(200);

    // Once a ticket is made from the chat, the site's staff (who all see tickets) may open its files.
    await ticketRow({ site: site._id, conversation: toObjectId(visitor.id) });
    expect((await download(t, file.url, { cookie: bo.cookie })).status).toBe(200);
  });

  it("should answer 404 for an unknown or malformed id", async () => {
    const { as } = await acceptedChat();
    expect((await download(t, `${ATTACHMENTS_PATH}/${"0".repeat(24)}`, as)).status).toBe(404);
    expect((await download(t, `${ATTACHMENTS_PATH}/nope`, as)).status).toBe(404);
  });
});

describe("the widget's cross-origin calls", () => {
  it("should answer the preflight for any origin with the headers the widget sends", async () => {
    const res = await fetch(`${t.url}${ATTACHMENTS_PATH}?conversationId=${"0".repeat(24)}`, {
      method: "OPTIONS",
      headers: {
        origin: "https://anywhere.example.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,x-filename,x-parley-site",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://anywhere.example.test");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST");
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const h of ["authorization", ATTACHMENT_FILENAME_HEADER, VISITOR_SITE_HEADER, "content-type"]) {
      expect(allowed).toContain(h.toLowerCase());
    }
  });

  it("should allow the site's own origin and refuse others on the real request", async () => {
    const { visitor, as } = await acceptedChat();
    const fromShop = await upload(
      t,
      { conversationId: visitor.id },
      { name: "a.log", bytes: LOG },
      { ...as, origin: SHOP },
    );
    expect(fromShop.status).toBe(201);
    expect(fromShop.headers.get("access-control-allow-origin")).toBe(SHOP);
    if (!fromShop.body.ok) throw new Error("upload failed");
    const got = await download(t, fromShop.body.data.attachment.url, { ...as, origin: SHOP });
    expect(got.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(got.headers.get("access-control-expose-headers")).toContain("Content-Disposition");
    expect(got.headers.get("access-control-allow-credentials")).toBeNull();

    const evil = "https://evil.example.test";
    const refused = await upload(
      t,
      { conversationId: visitor.id },
      { name: "b.log", bytes: LOG },
      { ...as, origin: evil },
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { code: "ORIGIN_NOT_ALLOWED" } });
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect((await download(t, fromShop.body.data.attachment.url, { ...as, origin: evil })).status).toBe(403);
  });

  it("should refuse a sandboxed page (Origin: null) although the site allows this server's origin", async () => {
    const { visitor, as } = await acceptedChat();
    const file = await uploaded(t, { conversationId: visitor.id }, { name: "a.log", bytes: LOG }, as);
    const sandboxed = await upload(
      t,
      { conversationId: visitor.id },
      { name: "b.log", bytes: LOG },
      { ...as, origin: "null" },
    );
    expect(sandboxed.status).toBe(403);
    expect(sandboxed.body).toMatchObject({ ok: false, error: { code: "ORIGIN_NOT_ALLOWED" } });
    expect((await download(t, file.url, { ...as, origin: "null" })).status).toBe(403);
  });

  it("should refuse a staff cookie sent from another origin", async () => {
    const { visitor, agent } = await acceptedChat();
    const res = await upload(
      t,
      { conversationId: visitor.id },
      { name: "a.log", bytes: LOG },
      { cookie: agent.cookie, origin: SHOP },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { code: "ORIGIN_NOT_ALLOWED" } });
  });
});

describe("attachments on tickets", () => {
  it("should take a visitor's file on their own open ticket, and not on someone else's or a closed one", async () => {
    const { visitor, as } = await acceptedChat();
    const me = await visitorOf(visitor.token);
    const mine = await ticketFor(site._id, me._id);
    const file = await uploaded(t, { ticketId: mine.toHexString() }, { name: "trace.json", bytes: '{"a":1}' }, as);
    expect((await download(t, file.url, as)).status).toBe(200);

    const theirs = await ticketFor(site._id, null);
    expect((await upload(t, { ticketId: theirs.toHexString() }, { name: "x.log", bytes: LOG }, as)).status).toBe(404);
    const closed = await ticketFor(site._id, me._id, "closed");
    const late = await upload(t, { ticketId: closed.toHexString() }, { name: "x.log", bytes: LOG }, as);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await attachmentsOfTicket(mine)).toEqual([file]);
  });

  it("should hide a staff file on a ticket from the customer until a reply to them shares it", async () => {
    const { visitor, agent, as } = await acceptedChat();
    const me = await visitorOf(visitor.token);
    const ticket = await ticketFor(site._id, me._id);
    const bo = await t.staff(site._id, "agent", "Bo");
    const file = await uploaded(
      t,
      { ticketId: ticket.toHexString() },
      { name: "fix.zip", bytes: Uint8Array.from([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]) },
      { cookie: bo.cookie },
    );
    expect((await download(t, file.url, { cookie: agent.cookie })).status).toBe(200);
    expect((await download(t, file.url, as)).status).toBe(404);

    // An internal note referencing it changes nothing; a reply to the customer shares it.
    await attachmentsFor(site._id, [file.id], { ticket });
    expect((await download(t, file.url, as)).status).toBe(404);
    // Nor can the customer make it theirs by citing it in a reply of their own.
    await expect(attachmentsFor(site._id, [file.id], { ticket }, { citedByVisitor: me._id })).rejects.toThrow(
      /Unknown attachment/,
    );
    await shareWithCustomer(await attachmentsFor(site._id, [file.id], { ticket }));
    expect((await download(t, file.url, as)).status).toBe(200);
    expect(await attachmentsFor(site._id, [file.id], { ticket }, { citedByVisitor: me._id })).toEqual([file]);
  });
});

describe("attachmentsFor", () => {
  it("should return DTOs in the order given, only for files of the same chat and site", async () => {
    const { visitor, as } = await acceptedChat();
    const other = await acceptedChat();
    const a = await uploaded(t, { conversationId: visitor.id }, { name: "a.log", bytes: LOG }, as);
    const b = await uploaded(t, { conversationId: visitor.id }, { name: "b.png", bytes: PNG_BYTES }, as);
    const elsewhere = await uploaded(t, { conversationId: other.visitor.id }, { name: "c.log", bytes: LOG }, other.as);
    const scope = { conversation: toObjectId(visitor.id) };

    expect(await attachmentsFor(site._id, [b.id, a.id], scope)).toEqual([b, a]);
    expect(await attachmentsFor(site._id, [], scope)).toEqual([]);
    for (const ids of [[a.id, elsewhere.id], ["0".repeat(24)], ["nope"], [a.id, a.id]]) {
      await expect(attachmentsFor(site._id, ids, scope)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(attachmentsFor(otherSite._id, [a.id], scope)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(attachmentsFor(site._id, [a.id], { ticket: toObjectId(visitor.id) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
