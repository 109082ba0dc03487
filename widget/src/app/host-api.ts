import type { WidgetMessageEvent } from "../mount-api.ts";

/**
 * `Parley('identify', {...})` as checked here. Without `token`, name and email only fill in the forms; with a token
 * signed by the host's server (docs/embedding.md, "JS API and verified identity") the session is that user's on every
 * device.
 */
export interface HostIdentity {
  name?: string;
  email?: string;
  userId?: string;
  token?: string;
}

type Listener = (data?: unknown) => void;
export type HostEvent = "open" | "close" | "message" | "unread";
const IDENTITY_FIELDS = ["name", "email", "userId", "token"];

/**
 * The page's side of the JS API that the loader leaves to the app: identity, language, and the listeners (no event
 * can happen before the app is loaded). A bad call is warned of and changes nothing; a listener that throws is
 * reported and changes nothing either, for the widget or the other listeners.
 */
export class HostApi {
  identity: HostIdentity | null = null;
  locale: string | undefined;
  /** Told of identify and logout calls once the widget runs; before that `identity` is just read. */
  identityChanged: ((identity: HostIdentity | null) => void) | null = null;
  localeChanged: ((locale: string) => void) | null = null;
  private readonly listeners = new Map<unknown, Set<Listener>>(
    (["open", "close", "message", "unread"] satisfies HostEvent[]).map((e) => [e, new Set()]),
  );

  call(call: ArrayLike<unknown>): void {
    const [name, a, b] = Array.from(call);
    const set = this.listeners.get(a);
    const identity = identityOf(a);
    if (name === "identify" && call.length === 2 && identity) {
      this.identity = identity;
      this.identityChanged?.(identity);
    } else if (name === "logout" && call.length === 1) {
      this.identity = null;
      this.identityChanged?.(null);
    } else if (name === "setLocale" && call.length === 2 && typeof a === "string" && a) {
      this.locale = a;
      this.localeChanged?.(a);
    } else if ((name === "on" || name === "off") && call.length === 3 && set && typeof b === "function") {
      if (name === "on") set.add(b as Listener);
      else set.delete(b as Listener);
    } else {
      console.warn("Parley: ignored", ...Array.from(call));
    }
  }

  emit(event: HostEvent, data?: number | WidgetMessageEvent): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(data);
      } catch (err) {
        console.error("Parley:", err);
      }
    }
  }
}

/** Only string fields of the four known names; anything else is a mistake worth a warning, not a guess. */
function identityOf(value: unknown): HostIdentity | null {
  const ok =
    typeof value === "object" &&
    value !== null &&
    Object.entries(value).every(([k, v]) => IDENTITY_FIELDS.includes(k) && typeof v === "string");
  return ok ? (value as HostIdentity) : null;
}

/**
 * The user an identity token names, read without checking it (the server checks): only to tell whether the stored
 * session belongs to the user the page now names. Null when there is no token or it cannot be read.
 */
export function tokenUserId(token: string | undefined): string | null {
  try {
    const payload = token?.split(".")[0]?.replace(/-/g, "+").replace(/_/g, "/");
    const userId = payload ? (JSON.parse(atob(payload)) as { userId?: unknown }).userId : null;
    return typeof userId === "string" ? userId : null;
  } catch {
    return null;
  }
}
