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

/** `setup`: the first site and its first admin, on a new installation. */
export const SetupArgs = z.strictObject({
  "site-name": z.string().trim().min(1, "the site needs a name").max(120),
  /** Default: made from the site's name. */
  key: SiteKey.optional(),
  origin: z.array(Origin).min(1, "give the origin of the website that embeds the chat (--origin)"),
  name: PersonName,
  email: Email,
  password: Password,
});

/** A site key from a site's name: "Acme Cloud, Inc." → "acme-cloud-inc". */
export function siteKeyFrom(name: string): string {
  const key = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return key || "site";
}

/**
 * Refused once any admin exists: from then on the team is managed on the console's Admin page (or with agent:add).
 * Checked, then written; two setups racing on a new installation could both pass, which is not worth a lock.
 */
export async function setup(args: z.infer<typeof SetupArgs>, ctx: { publicUrl: string }): Promise<string> {
  const admins = await Agent.find({ role: "admin" }, { email: 1 }).lean<{ email: string }[]>();
  if (admins.length > 0) {
    const demo = admins.some((a) => DEMO_EMAILS.includes(a.email));
    throw new Error(
      `an admin already exists (${admins.map((a) => a.email).join(", ")}): setup is for a new installation. ` +
        (demo
          ? "That is the demo's admin: delete the demo accounts with `npm run admin -- demo:remove`, then run setup again."
          : "Sign in to the console and add people on its Admin page, or use agent:add."),
    );
  }
  const key = args.key ?? siteKeyFrom(args["site-name"]);
  if (await Site.exists({ key })) throw new Error(`a site with key ${key} exists: choose another with --key`);
  if (await Agent.exists({ email: args.email })) throw new Error(`an account with the email ${args.email} exists`);
  const passwordHash = await hashPassword(args.password);
  const site = await Site.create({ key, name: args["site-name"], allowedOrigins: args.origin });
  try {
    await Agent.create({ site: site._id, email: args.email, name: args.name, role: "admin", passwordHash });
  } catch (err) {
    await Site.deleteOne({ _id: site._id });
    throw err;
  }
  return [
    `Site "${args["site-name"]}" created (key ${key}), embeddable from ${args.origin.join(", ")}.`,
    `Admin ${args.email} created.`,
    "",
    `Sign in to the console: ${ctx.publicUrl}/console/`,
    `Embed the chat on your site: <script src="${ctx.publicUrl}/widget.js" data-site="${key}" async></script>`,
  ].join("\n");
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
