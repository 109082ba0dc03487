import { Agent } from "../agents/agent.model.ts";
import { hashPassword } from "../agents/password.ts";
import type { Logger } from "../logging/logger.ts";
import { Site } from "../sites/site.model.ts";

export const DEMO_SITE_KEY = "demo";
export const DEMO_ACCOUNTS = [
  { email: "agent@example.com", password: "agent-demo-pw", name: "Ana Agent", role: "agent" },
  { email: "supervisor@example.com", password: "supervisor-demo-pw", name: "Sam Supervisor", role: "supervisor" },
] as const;

/**
 * Demo mode only. Creates the demo site and accounts on an empty database, and on every
 * start lets the demo site embed from the origins this run is served on.
 */
export async function seedDemo(origins: readonly string[], logger: Logger): Promise<void> {
  const site = await Site.findOneAndUpdate(
    { key: DEMO_SITE_KEY },
    {
      $setOnInsert: { key: DEMO_SITE_KEY, name: "Acme Cloud (demo)" },
      $addToSet: { allowedOrigins: { $each: [...origins] } },
    },
    { upsert: true, returnDocument: "after" },
  );
  if ((await Agent.countDocuments({})) > 0) return;
  for (const account of DEMO_ACCOUNTS) {
    await Agent.create({
      site: site._id,
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
    });
  }
  logger.info({ event: "demo_seeded" }, "demo site and accounts created");
}
