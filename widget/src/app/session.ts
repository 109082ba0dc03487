import type { ErrorBody } from "@parley/shared/errors";
import { isErrorCode } from "@parley/shared/errors";
import type { KeyValueStore } from "./storage.ts";

export type MintResult = { ok: true; token: string } | { ok: false; error: ErrorBody; permanent: boolean };

/**
 * The visitor token, per host origin (localStorage) and per site (the key). It is a bearer
 * credential for this visitor's conversations, nothing more.
 */
export class VisitorSession {
  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly serverUrl: string,
    private readonly siteKey: string,
  ) {}

  get token(): string | null {
    return this.store.getItem(this.key);
  }

  forget(): void {
    this.store.removeItem(this.key);
  }

  /** Asks the server for a new visitor identity and stores it. */
  async mint(): Promise<MintResult> {
    let response: Response;
    try {
      response = await fetch(`${this.serverUrl}/api/widget/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ siteKey: this.siteKey }),
        credentials: "omit",
      });
    } catch {
      return { ok: false, error: { code: "UNAVAILABLE", message: "Chat server unreachable" }, permanent: false };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const token = (body as { visitorToken?: unknown } | null)?.visitorToken;
      if (typeof token === "string" && token) {
        // Another tab may have minted at the same time; the first stored token wins so
        // every tab ends up as the same visitor.
        const existing = this.token;
        if (existing) return { ok: true, token: existing };
        this.store.setItem(this.key, token);
        return { ok: true, token };
      }
    }
    const error = readError(body) ?? { code: "UNAVAILABLE", message: `HTTP ${response.status}` };
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
    return { ok: false, error, permanent };
  }
}

function readError(body: unknown): ErrorBody | null {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!error || !isErrorCode(error.code)) return null;
  return { code: error.code, message: typeof error.message === "string" ? error.message : "" };
}
