import { useEffect, useState } from "preact/hooks";

/** The console lives under this path; the server answers every path below it with index.html. */
export const BASE_PATH = "/console/";

export type Route = { name: "inbox" } | { name: "conversation"; id: string };

const CONVERSATION_PATH = /^conversations\/([a-f0-9]{24})\/?$/;
const NAVIGATE_EVENT = "parley:navigate";

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE_PATH) ? pathname.slice(BASE_PATH.length) : "";
  const match = CONVERSATION_PATH.exec(rest);
  return match?.[1] ? { name: "conversation", id: match[1] } : { name: "inbox" };
}

export function pathFor(route: Route): string {
  return route.name === "conversation" ? `${BASE_PATH}conversations/${route.id}` : BASE_PATH;
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
