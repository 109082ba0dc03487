import type { AgentDto, TeamMemberDto } from "@parley/shared";
import { isLead } from "../state/roles.ts";
import type { TeamState } from "../state/team.ts";
import { type Column, DataTable } from "./DataTable.tsx";
import { StatusDot } from "./StatusDot.tsx";
import { usePageHeading } from "./usePage.ts";

interface TeamPageProps {
  me: AgentDto;
  team: TeamState;
  productName: (id: string) => string;
}

const columns = (me: AgentDto, productName: (id: string) => string): Column<TeamMemberDto>[] => [
  {
    key: "name",
    header: "Name",
    rowHeader: true,
    cell: (m) => (
      <>
        {m.name}
        {m.id === me.id && <span class="muted"> (you)</span>}
      </>
    ),
  },
  { key: "role", header: "Role", class: "capitalize", cell: (m) => m.role },
  { key: "status", header: "Status", cell: (m) => <StatusDot status={m.status} /> },
  { key: "load", header: "Load", cell: (m) => `${m.load} / ${m.capacity}` },
  {
    key: "products",
    header: "Products",
    cell: (m) => (m.products.length ? m.products.map(productName).join(", ") : <span class="muted">None</span>),
  },
  { key: "disabled", header: "Disabled", cell: (m) => (m.disabled ? "Yes" : "No") },
];

/** Who is on, and how busy: live from `agent:updated`. */
export function TeamPage({ me, team, productName }: TeamPageProps) {
  const headingRef = usePageHeading("Team");
  return (
    <main id="main" tabIndex={-1} class="page">
      <section class="page-section" aria-labelledby="team-heading">
        <h2 id="team-heading" ref={headingRef} tabIndex={-1}>
          Team
        </h2>
        {!isLead(me) ? (
          <p class="muted">The team view is for supervisors and admins.</p>
        ) : !team.loaded ? (
          <p class="muted">Loading…</p>
        ) : (
          <DataTable
            name={{ labelledBy: "team-heading" }}
            scroll
            columns={columns(me, productName)}
            rows={team.members}
            rowClass={(m) => (m.disabled ? "is-disabled" : undefined)}
            empty="Nobody on the team yet."
          />
        )}
      </section>
    </main>
  );
}
