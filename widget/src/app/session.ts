import type { ErrorBody } from "@parley/shared/errors";
import { isErrorCode } from "@parley/shared/errors";
import { tokenUserId } from "./host-api.ts";
import type { KeyValueStore } from "./storage.ts";

export type MintResult = { ok: true; token: string } | { ok: false; error: ErrorBody; permanent: boolean };

/**
 * Drops the stored session (token, chat, unsent messages) when it is not the session of the user the page names now
 * (`userId`, null for nobody): a page that signs one user out and another in must not hand the second the first's
 * chats. Run before anything reads those keys.
 */
export function dropOtherUsersSession(
  store: KeyValueStore,
  keys: readonly string[],
  userKey: string,
  userId: string | null,
) {
  const want = userId ?? "";
  const have = store.getItem(userKey) ?? "";
  if (have === want || have === `?${want}`) return;
  for (const key of [...keys, userKey]) store.removeItem(key);
}

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
    /** The page's identity token, if it gave one, and where to note whose session the minted token is. */
    private readonly identity: { token: () => string | undefined; userKey: string } | null = null,
  ) {}

  get token(): string | null {
    return this.store.getItem(this.key);
  }

  forget(): void {
    this.store.removeItem(this.key);
  }

  private noteUser(verified: boolean): void {
    if (!this.identity) return;
    const token = this.identity.token();
    const userId = tokenUserId(token);
    if (!token || userId === null) {
      this.store.removeItem(this.identity.userKey);
      return;
    }
    if (!verified)
      console.warn("Parley: the identity token was not accepted (see the server's answer); chatting anonymously");
    this.store.setItem(this.identity.userKey, verified ? userId : `?${userId}`);
  }

  /** Asks the server for a new visitor identity and stores it. */
  async mint(): Promise<MintResult> {
    let response: Response;
    try {
      response = await fetch(`${this.serverUrl}/api/widget/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ siteKey: this.siteKey, identityToken: this.identity?.token() }),
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
        this.noteUser((body as { verified?: unknown }).verified === true);
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
