import type { AgentDto } from "@parley/shared";
import { isLead } from "../state/roles.ts";
import type { TeamState } from "../state/team.ts";
import { StatusDot } from "./StatusDot.tsx";
import { usePageHeading } from "./usePage.ts";

interface TeamPageProps {
  me: AgentDto;
  team: TeamState;
  productName: (id: string) => string;
}

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
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Load</th>
                  <th scope="col">Products</th>
                  <th scope="col">Disabled</th>
                </tr>
              </thead>
              <tbody>
                {team.members.map((m) => (
                  <tr key={m.id} class={m.disabled ? "is-disabled" : undefined}>
                    <th scope="row">
                      {m.name}
                      {m.id === me.id && <span class="muted"> (you)</span>}
                    </th>
                    <td class="capitalize">{m.role}</td>
                    <td>
                      <StatusDot status={m.status} />
                    </td>
                    <td>{`${m.load} / ${m.capacity}`}</td>
                    <td>
                      {m.products.length ? m.products.map(productName).join(", ") : <span class="muted">None</span>}
                    </td>
                    <td>{m.disabled ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
