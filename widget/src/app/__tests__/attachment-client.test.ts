import type { AttachmentDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { bodyWithFiles, FILE_RULES } from "../attachments.ts";
import {
  AttachmentClient,
  admitFiles,
  attachProblem,
  formatSize,
  hasAcceptedExtension,
} from "../files/attachment-client.ts";

const access = { serverUrl: "https://parley.test", siteKey: "demo", token: () => "tok", rules: FILE_RULES };
const CHAT = { conversationId: "0123456789abcdef01234567" };
const TICKET = { ticketId: "89abcdef0123456789abcdef" };

function dto(overrides: Partial<AttachmentDto> = {}): AttachmentDto {
  return {
    id: "aaaaaaaaaaaaaaaaaaaaaaaa",
    name: "error log.txt",
    contentType: "text/plain",
    size: 12,
    url: "/api/attachments/aaaaaaaaaaaaaaaaaaaaaaaa",
    createdAt: "2026-01-12T10:00:00.000Z",
    ...overrides,
  };
}

function fakeFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer();
  };
  return { calls, fetchImpl: fetchImpl as typeof fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("AttachmentClient.upload", () => {
  it("posts the raw bytes with the visitor's token, the site key and the URI-encoded name", async () => {
    const { calls, fetchImpl } = fakeFetch(() => json(201, { ok: true, data: { attachment: dto() } }));
    const client = new AttachmentClient(access, fetchImpl);
    const file = new File(["boom at line 3"], "error log.txt", { type: "application/json" });

    const result = await client.upload(TICKET, file);

    expect(result).toEqual({ ok: true, attachment: dto() });
    const call = calls[0];
    expect(call?.url).toBe(`https://parley.test/api/attachments?ticketId=${TICKET.ticketId}`);
    expect(call?.init?.method).toBe("POST");
    expect(call?.init?.body).toBe(file);
    expect(call?.init?.credentials).toBe("omit");
    expect(call?.init?.headers).toMatchObject({
      Authorization: "Bearer tok",
      "X-Parley-Site": "demo",
      "X-Filename": "error%20log.txt",
      // Not the file's own type: the server sniffs, and a JSON type could meet the API's JSON parser.
      "Content-Type": "application/octet-stream",
    });
  });

  it("says per file, in words, why the server refused it", async () => {
    const tooLarge = fakeFetch(() =>
      json(413, { ok: false, error: { code: "PAYLOAD_TOO_LARGE", message: "at most 10485760 bytes" } }),
    );
    const client = new AttachmentClient(access, tooLarge.fetchImpl);
    expect(await client.upload(CHAT, new File(["x"], "huge.zip"))).toEqual({
      ok: false,
      problem: "Could not attach huge.zip: the file is too large.",
    });
    expect(tooLarge.calls[0]?.url).toBe(`https://parley.test/api/attachments?conversationId=${CHAT.conversationId}`);
  });

  it("reports a dropped connection, and takes it for 'too large' when the file is over the default limit", async () => {
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const client = new AttachmentClient(access, failing);
    expect(await client.upload(CHAT, new File(["x"], "a.png"))).toEqual({
      ok: false,
      problem: "Could not attach a.png: the connection failed. Please try again.",
    });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.zip");
    expect(await client.upload(CHAT, big)).toEqual({
      ok: false,
      problem: "Could not attach big.zip: the file is too large.",
    });
  });

  it("treats a success status without an attachment as a failure", async () => {
    const { fetchImpl } = fakeFetch(() => json(200, { ok: true, data: {} }));
    const client = new AttachmentClient(access, fetchImpl);
    expect(await client.upload(CHAT, new File(["x"], "a.png"))).toEqual({
      ok: false,
      problem: "Could not attach a.png: something went wrong. Please try again.",
    });
  });
});

describe("attachProblem", () => {
  const body = (code: string, message = "dev text") => ({ ok: false, error: { code, message } });

  it("maps each refusal to a sentence naming the file", () => {
    expect(attachProblem("a.exe", 415, body("UNSUPPORTED_MEDIA_TYPE"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.exe: this type of file is not accepted (images, PDF, zip, text and log files are).",
    );
    // An accepted extension refused for its content (a renamed file).
    expect(attachProblem("shot.PNG", 415, body("UNSUPPORTED_MEDIA_TYPE"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach shot.PNG: its content does not match its file type.",
    );
    expect(attachProblem("a.png", 429, body("RATE_LIMITED"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.png: too many uploads, please wait a moment and try again.",
    );
    expect(attachProblem("a.png", 409, body("CONVERSATION_CLOSED"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.png: this chat has ended.",
    );
    expect(attachProblem("a.png", 404, body("NOT_FOUND"), TICKET, FILE_RULES.accept)).toBe(
      "Could not attach a.png: this ticket no longer exists.",
    );
    expect(attachProblem("a.png", 400, body("BAD_REQUEST", "The file is empty"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.png: The file is empty.",
    );
    expect(attachProblem("a.png", 500, body("INTERNAL"), CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.png: something went wrong. Please try again.",
    );
  });

  it("falls back on the HTTP status when the body is not the server's JSON (a proxy's page)", () => {
    expect(attachProblem("a.png", 413, "<html>", CHAT, FILE_RULES.accept)).toBe(
      "Could not attach a.png: the file is too large.",
    );
    expect(attachProblem("a.bin", 415, null, CHAT, FILE_RULES.accept)).toContain("this type of file is not accepted");
  });

  it("never shows the server's developer wording except for BAD_REQUEST", () => {
    expect(
      attachProblem("a.png", 413, body("PAYLOAD_TOO_LARGE", "at most 10485760 bytes"), CHAT, FILE_RULES.accept),
    ).not.toContain("10485760");
  });
});

describe("hasAcceptedExtension", () => {
  it("reads the extension case-insensitively, and wants one", () => {
    expect(hasAcceptedExtension("Screen Shot.JPEG", FILE_RULES.accept)).toBe(true);
    expect(hasAcceptedExtension("server.log", FILE_RULES.accept)).toBe(true);
    expect(hasAcceptedExtension("setup.exe", FILE_RULES.accept)).toBe(false);
    expect(hasAcceptedExtension("png", FILE_RULES.accept)).toBe(false);
    expect(hasAcceptedExtension(".png", FILE_RULES.accept)).toBe(false);
  });
});

describe("admitFiles", () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}.txt` }));

  it("takes what fits in one message and names the rest", () => {
    expect(admitFiles(0, files(3), FILE_RULES.perMessage)).toEqual({ accepted: files(3), problem: null });
    const { accepted, problem } = admitFiles(8, files(3), FILE_RULES.perMessage);
    expect(accepted.map((f) => f.name)).toEqual(["f0.txt", "f1.txt"]);
    expect(problem).toBe("Could not attach f2.txt: at most 10 files go with one message.");
    expect(admitFiles(12, files(1), FILE_RULES.perMessage).accepted).toEqual([]);
  });
});

describe("bodyWithFiles", () => {
  it("sends what was typed, or else the file names", () => {
    expect(bodyWithFiles("  see the log  ", [{ name: "a.log" }])).toBe("see the log");
    expect(bodyWithFiles("   ", [{ name: "a.log" }, { name: "shot.png" }])).toBe("a.log, shot.png");
  });
});

describe("formatSize", () => {
  it("uses the unit that reads best", () => {
    expect(formatSize(532)).toBe("532 B");
    expect(formatSize(12_300)).toBe("12 KB");
    expect(formatSize(3_565_158)).toBe("3.4 MB");
    expect(formatSize(25 * 1024 * 1024)).toBe("25 MB");
  });
});

describe("AttachmentClient.fetchFile (thumbnails)", () => {
  it("fetches the bytes with the visitor's token and site key, never cookies", async () => {
    const { calls, fetchImpl } = fakeFetch(() => new Response(new Uint8Array([1, 2, 3]), { status: 200 }));
    const client = new AttachmentClient(access, fetchImpl);
    const got = await client.fetchFile(dto({ name: "shot.png", contentType: "image/png" }));
    expect(got).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (got as Blob).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(calls[0]?.url).toBe("https://parley.test/api/attachments/aaaaaaaaaaaaaaaaaaaaaaaa");
    expect(calls[0]?.init?.credentials).toBe("omit");
    expect(calls[0]?.init?.headers).toMatchObject({ Authorization: "Bearer tok" });
  });

  it("says why a file could not be fetched", async () => {
    const { fetchImpl } = fakeFetch(() => json(404, { ok: false, error: { code: "NOT_FOUND", message: "gone" } }));
    const client = new AttachmentClient(access, fetchImpl);
    expect(await client.fetchFile(dto({ name: "shot.png" }))).toBe("Could not download shot.png: it no longer exists.");
  });
});
