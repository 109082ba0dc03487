import type { AgentDto } from "@parley/shared";
import { type PageName, pathFor, type Route } from "../router.ts";
import { isAdmin, isLead } from "../state/roles.ts";
import { Link } from "./Link.tsx";

const PAGES: { name: PageName; label: string; allowed: (me: AgentDto) => boolean }[] = [
  { name: "inbox", label: "Inbox", allowed: () => true },
  { name: "offline", label: "Offline requests", allowed: () => true },
  { name: "tickets", label: "Tickets", allowed: () => true },
  { name: "replies", label: "Replies", allowed: () => true },
  { name: "history", label: "History", allowed: () => true },
  { name: "wall", label: "Wall", allowed: isLead },
  { name: "figures", label: "Figures", allowed: isLead },
  { name: "team", label: "Team", allowed: isLead },
  { name: "admin", label: "Admin", allowed: isAdmin },
];

/** The page a route belongs to: an open chat is part of the inbox, a ticket part of the tickets. */
export const pageOf = (route: Route): PageName | null => {
  switch (route.name) {
    case "conversation":
      return "inbox";
    case "ticket":
    case "ticketNew":
      return "tickets";
    default:
      return route.name;
  }
};

export function Nav({ me, route }: { me: AgentDto; route: Route }) {
  const current = pageOf(route);
  return (
    <nav class="nav" aria-label="Main">
      <ul>
        {PAGES.filter((p) => p.allowed(me)).map((p) => (
          <li key={p.name}>
            <Link href={pathFor({ name: p.name })} current={p.name === current}>
              {p.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
