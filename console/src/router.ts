import { useEffect, useState } from "preact/hooks";

/** The console lives under this path; the server answers every path below it with index.html. */
export const BASE_PATH = "/console/";

export type Route =
  | { name: "inbox" }
  | { name: "conversation"; id: string }
  | { name: "offline" }
  | { name: "team" }
  | { name: "admin" };

export type PageName = Exclude<Route["name"], "conversation">;

const CONVERSATION_PATH = /^conversations\/([a-f0-9]{24})\/?$/;
const PAGE_PATHS: Record<PageName, string> = {
  inbox: "",
  offline: "offline-requests",
  team: "team",
  admin: "admin",
};
const NAVIGATE_EVENT = "parley:navigate";

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : "";
  const match = CONVERSATION_PATH.exec(rest);
  if (match?.[1]) return { name: "conversation", id: match[1] };
  const page = rest.replace(/\/$/, "");
  const name = (Object.keys(PAGE_PATHS) as PageName[]).find((p) => PAGE_PATHS[p] === page);
  return { name: name ?? "inbox" };
}

export function pathFor(route: Route): string {
  return route.name === "conversation"
    ? `${BASE_PATH}conversations/${route.id}`
    : `${BASE_PATH}${PAGE_PATHS[route.name]}`;
}

export function navigate(path: string): void {
  if (path === location.pathname) return;
  history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const sync = () => setRoute(parseRoute(location.pathname));
    window.addEventListener("popstate", sync);
    window.addEventListener(NAVIGATE_EVENT, sync);
    return () => {
      window.removeEventListener("popstate", sync);
      window.removeEventListener(NAVIGATE_EVENT, sync);
    };
  }, []);
  return route;
}
