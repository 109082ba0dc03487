import { pipeline } from "node:stream/promises";
import { AttachmentUploadQuery, ObjectIdString } from "@parley/shared";
import { ATTACHMENT_FILENAME_HEADER, ATTACHMENTS_PATH, VISITOR_SITE_HEADER } from "@parley/shared/constants";
import express, { type ErrorRequestHandler, type Request, type Response, Router } from "express";
import type { Types } from "mongoose";
import { Attachment, type AttachmentDoc } from "../attachments/attachment.model.ts";
import { toAttachmentDto } from "../attachments/attachment-links.ts";
import { AttachmentStore } from "../attachments/attachment-store.ts";
import { sniffAttachment } from "../attachments/content-sniff.ts";
import { attachmentDisposition, decodeFileNameHeader, displayFileName } from "../attachments/file-name.ts";
import type { ServerOrigins } from "../config/server-origins.ts";
import { toObjectId } from "../db/object-id.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../errors/parse-input.ts";
import type { Logger } from "../logging/logger.ts";
import type { Limit } from "../security/rate-limits.ts";
import {
  type Caller,
  isVisitorRequest,
  mayDownload,
  staffCaller,
  uploadPlace,
  visitorCaller,
  visitorSite,
} from "./attachment-access.ts";

export interface AttachmentRouteDeps {
  /** Holds the files (ATTACHMENTS_DIR). */
  attachmentsDir: string;
  /** Largest body accepted (config ATTACHMENT_MAX_BYTES); larger is 413 PAYLOAD_TOO_LARGE. */
  maxBytes: number;
  origins: ServerOrigins;
  /** Per visitor (security/rate-limits.ts). */
  visitorUploads: Limit;
  logger: Logger;
}

/**
 * Uploads and downloads of attachments (logs, screenshots), for staff (session cookie) and widget visitors
 * (bearer token + site key header, called cross-origin from customer sites). Answers `{ok, data|error}`.
 * Mount it before `express.json`: the body is the file's raw bytes, read here only after the caller is
 * known to be allowed to upload.
 */
export function attachmentRoutes(deps: AttachmentRouteDeps): Router {
  const router = Router();
  const store = new AttachmentStore(deps.attachmentsDir);
  const readBody = express.raw({ type: () => true, limit: deps.maxBytes, inflate: false });
  const byId = `${ATTACHMENTS_PATH}/:id`;

  // The widget fetches with custom headers from any customer origin: the preflight is answered for every
  // origin (browsers do not send the site key in it); the real request is checked against the site.
  router.options([ATTACHMENTS_PATH, byId], (req, res) => {
    if (req.headers.origin) res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST");
    res.setHeader(
      "Access-Control-Allow-Headers",
      `Authorization, ${ATTACHMENT_FILENAME_HEADER}, ${VISITOR_SITE_HEADER}, Content-Type`,
    );
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  });

  router.post(ATTACHMENTS_PATH, async (req, res) => {
    const caller = await authenticate(req, res, deps.origins);
    const query = parseInput(AttachmentUploadQuery, req.query);
    const place = await uploadPlace(caller, query);
    const name = fileNameOf(req);
    if (caller.kind === "visitor" && !(await deps.visitorUploads.take(caller.visitor._id.toHexString()))) {
      res.setHeader("Retry-After", "10");
      throw new AppError("RATE_LIMITED", "Too many uploads; wait a moment and try again");
    }
    // A declared size over the limit is refused before any byte is read (express.raw would read, and
    // discard, the whole body first); a chunked body is cut by express.raw's own count.
    if (Number(req.headers["content-length"] ?? 0) > deps.maxBytes) throw tooLarge(deps.maxBytes);
    const bytes = await rawBody(readBody, req, res);
    const sniffed = sniffAttachment(bytes, name);
    if (!sniffed.ok) {
      deps.logger.info({ event: "attachment_refused", reason: sniffed.reason, size: bytes.length }, "upload refused");
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        sniffed.reason === "unknown_extension"
          ? "Only images (png, jpg, gif, webp), pdf, zip and text or log files can be attached"
          : "The file's content does not match its name's extension",
      );
    }
    const storedName = await store.put(bytes);
    let doc: AttachmentDoc;
    try {
      const created = await Attachment.create({
        ...place,
        uploader: uploaderOf(caller),
        customerVisible: caller.kind === "visitor" || place.conversation !== null,
        name,
        contentType: sniffed.contentType,
        size: bytes.length,
        storedName,
      });
      doc = created.toObject<AttachmentDoc>();
    } catch (err) {
      await store.remove(storedName);
      throw err;
    }
    deps.logger.info(
      { event: "attachment_stored", attachmentId: doc._id.toHexString(), size: doc.size, by: caller.kind },
      "attachment stored",
    );
    res.status(201).json({ ok: true, data: { attachment: toAttachmentDto(doc) } });
  });

  router.get(byId, async (req, res) => {
    const caller = await authenticate(req, res, deps.origins);
    // Unknown, of another site, or not the caller's to see: all the same 404, so ids cannot be probed.
    const notFound = new AppError("NOT_FOUND", "Attachment not found");
    const id = ObjectIdString.safeParse(req.params.id);
    if (!id.success) throw notFound;
    const file = await Attachment.findById(toObjectId(id.data)).lean<AttachmentDoc>();
    if (!file || !(await mayDownload(caller, file))) throw notFound;
    const handle = await store.open(file.storedName);
    if (!handle) {
      deps.logger.warn({ event: "attachment_file_missing", attachmentId: id.data }, "attachment file is missing");
      throw notFound;
    }
    try {
      const { size } = await handle.stat();
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(size));
      res.setHeader("Content-Disposition", attachmentDisposition(file.name));
      // Never rendered by the browser as a page of this origin, whatever the bytes hold.
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
      res.setHeader("Cache-Control", "private, no-store");
      await pipeline(handle.createReadStream(), res).catch((err: unknown) => {
        // The client going away mid-download is not a server failure.
        if ((err as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") throw err;
      });
    } finally {
      await handle.close().catch(() => {});
    }
  });

  router.use(ATTACHMENTS_PATH, ((err, req, res, _next) => {
    const appError = bodyError(err, deps.maxBytes) ?? AppError.from(err);
    if (appError.code === "INTERNAL") deps.logger.error({ err }, "attachment request failed");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A refused upload's unread body is not worth receiving: close instead of draining it for keep-alive.
    if (!req.complete) res.setHeader("Connection", "close");
    res.status(appError.httpStatus).json({ ok: false, error: appError.toBody() });
  }) satisfies ErrorRequestHandler);

  return router;
}

/**
 * Staff by cookie, visitors by bearer token. A visitor's request gets its CORS headers as soon as its
 * origin is known to be allowed for the site, so the widget can read even a refusal that follows.
 */
async function authenticate(req: Request, res: Response, origins: ServerOrigins): Promise<Caller> {
  if (!isVisitorRequest(req.headers)) return staffCaller(req.headers, origins);
  const { site, origin } = await visitorSite(req.headers, origins);
  if (req.headers.origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", "Content-Disposition, Retry-After");
  }
  res.setHeader("Vary", "Origin");
  return visitorCaller(req.headers, site);
}

function fileNameOf(req: Request): string {
  const header = req.get(ATTACHMENT_FILENAME_HEADER);
  const decoded = header === undefined ? null : decodeFileNameHeader(header);
  const name = decoded === null ? "" : displayFileName(decoded);
  if (!name) throw new AppError("BAD_REQUEST", `Send the file name, URI-encoded, in ${ATTACHMENT_FILENAME_HEADER}`);
  return name;
}

type BodyReader = ReturnType<typeof express.raw>;

/** Reads the whole body with express.raw (size limit included); an empty body is a BAD_REQUEST. */
async function rawBody(read: BodyReader, req: Request, res: Response): Promise<Uint8Array> {
  await new Promise<void>((resolve, reject) => {
    void read(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError("BAD_REQUEST", "The file is empty");
  return body;
}

const tooLarge = (maxBytes: number): AppError =>
  new AppError("PAYLOAD_TOO_LARGE", `Attachments can be at most ${maxBytes} bytes`);

/** body-parser's errors, as AppErrors. */
function bodyError(err: unknown, maxBytes: number): AppError | null {
  switch ((err as { type?: unknown } | null)?.type) {
    case "entity.too.large":
      return tooLarge(maxBytes);
    case "encoding.unsupported":
      return new AppError("BAD_REQUEST", "Send the file without a Content-Encoding");
    case "request.aborted":
    case "request.size.invalid":
      return new AppError("BAD_REQUEST", "The upload was cut off");
    default:
      return null;
  }
}

function uploaderOf(caller: Caller): { kind: "staff" | "visitor"; id: Types.ObjectId; name: string } {
  if (caller.kind === "staff") return { kind: "staff", id: caller.agent._id, name: caller.agent.name };
  return { kind: "visitor", id: caller.visitor._id, name: caller.visitor.name ?? "Visitor" };
}
