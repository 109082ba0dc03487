import { AGENT_ROLES, Email, PersonName, SiteKey } from "@parley/shared";
import { z } from "zod";
import { Agent } from "../agents/agent.model.ts";
import { AgentSession } from "../agents/agent-session.model.ts";
import { hashPassword } from "../agents/password.ts";
import { Conversation } from "../conversations/conversation.model.ts";
import { DEMO_EMAILS } from "../demo/demo-guard.ts";
import { Site } from "../sites/site.model.ts";
import { Ticket } from "../tickets/ticket.model.ts";

const Origin = z
  .url()
  .transform((u) => new URL(u).origin)
  .refine((o) => o.startsWith("http://") || o.startsWith("https://"), "origin must be http(s)");

const Password = z.string().min(10, "passwords need at least 10 characters").max(1024);

export const SiteAddArgs = z.strictObject({
  key: SiteKey,
  name: z.string().trim().min(1).max(120),
  origin: z.array(Origin).min(1, "give at least one --origin"),
});

export const SiteAllowArgs = z.strictObject({ key: SiteKey, origin: z.array(Origin).min(1) });

export const AgentAddArgs = z.strictObject({
  site: SiteKey,
  email: Email,
  name: PersonName,
  role: z.enum(AGENT_ROLES).default("agent"),
  password: Password,
});

export async function addSite(args: z.infer<typeof SiteAddArgs>): Promise<string> {
  await Site.create({ key: args.key, name: args.name, allowedOrigins: args.origin });
  return `site ${args.key} created; embed with <script src="<parley-url>/widget.js" data-site="${args.key}" async></script>`;
}

export async function allowOrigins(args: z.infer<typeof SiteAllowArgs>): Promise<string> {
  const site = await Site.findOneAndUpdate(
    { key: args.key },
    { $addToSet: { allowedOrigins: { $each: args.origin } } },
    { returnDocument: "after" },
  );
  if (!site) throw new Error(`no site with key ${args.key}`);
  return `site ${args.key} allows: ${site.allowedOrigins.join(", ")}`;
}

export async function addAgent(args: z.infer<typeof AgentAddArgs>): Promise<string> {
  const site = await Site.findOne({ key: args.site });
  if (!site) throw new Error(`no site with key ${args.site}`);
  await Agent.create({
    site: site._id,
    email: args.email,
    name: args.name,
    role: args.role,
    passwordHash: await hashPassword(args.password),
  });
  return `${args.role} ${args.email} created for site ${args.site}`;
}

export const DemoRemoveArgs = z.strictObject({});

/**
 * `demo:remove`: deletes the demo accounts (whose passwords are published) and their sessions, so production can
 * start on a database that once ran the demo. Their names stay on the chats, messages and tickets they took part in.
 */
export async function removeDemoAccounts(): Promise<string> {
  const agents = await Agent.find({ email: { $in: [...DEMO_EMAILS] } }, { email: 1 }).lean();
  if (agents.length === 0) return "no demo accounts to delete";
  const ids = agents.map((a) => a._id);
  const [openChats, openTickets] = await Promise.all([
    Conversation.countDocuments({ assignee: { $in: ids }, status: { $ne: "closed" } }),
    Ticket.countDocuments({ assignee: { $in: ids }, status: { $ne: "closed" } }),
  ]);
  await AgentSession.deleteMany({ agent: { $in: ids } });
  await Agent.deleteMany({ _id: { $in: ids } });
  const lines = [`deleted the demo accounts ${agents.map((a) => a.email).join(", ")} and their sessions`];
  if (openChats + openTickets > 0) {
    lines.push(
      `${openChats} open chat(s) and ${openTickets} open ticket(s) are still assigned to them: see to those in the console`,
    );
  }
  return lines.join("\n");
}
