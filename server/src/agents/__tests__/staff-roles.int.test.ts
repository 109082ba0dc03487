import { agentEventSchemas } from "@parley/shared";
import type { AgentRole } from "@parley/shared/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callUnchecked, TestServer } from "../../../test/harness.ts";
import { STAFF_COMMAND_ROLES } from "../staff-command-roles.ts";

// Roles are declared per command in one table and enforced before any input is read or any handler runs.
let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;
beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite();
});
afterAll(() => t.stop());

describe("staff command roles", () => {
  it("should list every staff command, and nothing else", () => {
    expect(Object.keys(STAFF_COMMAND_ROLES).sort()).toEqual(Object.keys(agentEventSchemas).sort());
  });

  it("should refuse every command a role may not send, whatever its payload, and let the others through", async () => {
    const members = {
      agent: await t.staff(site._id, "agent", "Ana"),
      supervisor: await t.staff(site._id, "supervisor", "Sue"),
      admin: await t.staff(site._id, "admin", "Adam"),
    } satisfies Record<AgentRole, unknown>;
    let refusedCount = 0;
    for (const [command, roles] of Object.entries(STAFF_COMMAND_ROLES)) {
      for (const role of ["agent", "supervisor", "admin"] as const) {
        // An empty payload: refused by the role check before the schema could complain about it.
        const res = await callUnchecked(members[role].socket, command, {});
        if (roles.includes(role)) {
          expect(res.ok || res.error.code !== "FORBIDDEN", `${role} may send ${command}`).toBe(true);
        } else {
          expect(res.ok ? "ok" : res.error.code, `${role} may not send ${command}`).toBe("FORBIDDEN");
          refusedCount++;
        }
      }
    }
    // 14 admin-only commands (with the identity secret's two, the API keys' three and manuals:save) refused to 2
    // roles, 4 lead commands refused to agents, and the 8 webhook commands refused to 2 roles.
    expect(refusedCount).toBe(32 + 8 * 2);
  });
});
