import { useEffect, useState } from "preact/hooks";

/** The console lives under this path; the server answers every path below it with index.html. */
export const BASE_PATH = "/console/";

export type Route =
  | { name: "inbox" }
  | { name: "conversation"; id: string }
  | { name: "offline" }
  | { name: "tickets" }
  | { name: "history" }
  | { name: "team" }
  | { name: "admin" }
  | { name: "account" }
  | { name: "replies" }
  | { name: "wall" }
  | { name: "figures" }
  | { name: "ticketNew"; source: TicketSourceRef }
  | { name: "ticket"; id: string };

/** Where a new ticket comes from: a chat (open or closed) or an offline request. */
export type TicketSourceRef = { kind: "chat"; id: string } | { kind: "offline"; id: string };

export type PageName = Exclude<Route["name"], "conversation" | "ticketNew" | "ticket">;

const CONVERSATION_PATH = /^conversations\/([a-f0-9]{24})\/?$/;
const TICKET_PATH = /^tickets\/([a-f0-9]{24})\/?$/;
const NEW_TICKET_PATH = /^tickets\/new\/?$/;
const OBJECT_ID = /^[a-f0-9]{24}$/;
const PAGE_PATHS: Record<PageName, string> = {
  inbox: "",
  offline: "offline-requests",
  tickets: "tickets",
  history: "history",
  team: "team",
  admin: "admin",
  account: "account",
  replies: "replies",
  wall: "wall",
  figures: "figures",
};
const NAVIGATE_EVENT = "parley:navigate";

export function parseRoute(pathname: string, search = ""): Route {
  const rest = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : "";
  const match = CONVERSATION_PATH.exec(rest);
  if (match?.[1]) return { name: "conversation", id: match[1] };
  const ticket = TICKET_PATH.exec(rest);
  if (ticket?.[1]) return { name: "ticket", id: ticket[1] };
  if (NEW_TICKET_PATH.test(rest)) {
    const source = ticketSourceOf(new URLSearchParams(search));
    if (source) return { name: "ticketNew", source };
  }
  const page = rest.replace(/\/$/, "");
  const name = (Object.keys(PAGE_PATHS) as PageName[]).find((p) => PAGE_PATHS[p] === page);
  return { name: name ?? "inbox" };
}

function ticketSourceOf(params: URLSearchParams): TicketSourceRef | null {
  const chat = params.get("chat");
  if (chat && OBJECT_ID.test(chat)) return { kind: "chat", id: chat };
  const offline = params.get("offline");
  if (offline && OBJECT_ID.test(offline)) return { kind: "offline", id: offline };
  return null;
}

export function pathFor(route: Route): string {
  switch (route.name) {
    case "conversation":
      return `${BASE_PATH}conversations/${route.id}`;
    case "ticket":
      return `${BASE_PATH}tickets/${route.id}`;
    case "ticketNew":
      return `${BASE_PATH}tickets/new?${route.source.kind}=${route.source.id}`;
    default:
      return `${BASE_PATH}${PAGE_PATHS[route.name]}`;
  }
}

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useRoute(): Route {
  return useLocationAs(() => parseRoute(location.pathname, location.search));
}

/**
 * Pages for someone who is not signed in, outside the workspace's routes. The reset page takes the token from the
 * link's fragment (`#token=…`), which never reaches the server.
 */
export type SignedOutPage = "signIn" | "forgotPassword" | "resetPassword";

const SIGNED_OUT_PATHS: Record<Exclude<SignedOutPage, "signIn">, string> = {
  forgotPassword: `${BASE_PATH}forgot-password`,
  resetPassword: `${BASE_PATH}reset-password`,
};

export function signedOutPathFor(page: SignedOutPage): string {
  return page === "signIn" ? BASE_PATH : SIGNED_OUT_PATHS[page];
}

export function parseSignedOutPage(pathname: string): SignedOutPage {
  const path = pathname.replace(/\/$/, "");
  if (path === SIGNED_OUT_PATHS.forgotPassword) return "forgotPassword";
  if (path === SIGNED_OUT_PATHS.resetPassword) return "resetPassword";
  return "signIn";
}

export function useSignedOutPage(): SignedOutPage {
  return useLocationAs(() => parseSignedOutPage(location.pathname));
}

/** Something read from the address, read again whenever it changes (back, forward, an in-app link). */
function useLocationAs<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const sync = () => setValue(read);
    window.addEventListener("popstate", sync);
    window.addEventListener(NAVIGATE_EVENT, sync);
    return () => {
      window.removeEventListener("popstate", sync);
      window.removeEventListener(NAVIGATE_EVENT, sync);
    };
  }, []);
  return value;
}
