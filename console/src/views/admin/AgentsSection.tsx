import type { AgentDto, Product, TeamMemberDto } from "@parley/shared";
import { AddAgentForm } from "./AddAgentForm.tsx";
import { AgentRow } from "./AgentRow.tsx";

interface AgentsSectionProps {
  me: AgentDto;
  members: readonly TeamMemberDto[];
  products: readonly Product[];
}

export function AgentsSection({ me, members, products }: AgentsSectionProps) {
  return (
    <section class="page-section" aria-labelledby="admin-agents">
      <h3 id="admin-agents">Agents</h3>
      <div class="table-scroll">
        <table class="data-table agents-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Capacity</th>
              <th scope="col">Products</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <AgentRow key={m.id} member={m} isMe={m.id === me.id} products={products} />
            ))}
          </tbody>
        </table>
      </div>
      <AddAgentForm products={products} />
    </section>
  );
}
