import { AGENT_ROLES, Email, PersonName, SiteKey } from "@parley/shared";
import { z } from "zod";
import { Agent } from "../agents/agent.model.ts";
import { hashPassword } from "../agents/password.ts";
import { Site } from "../sites/site.model.ts";

const Origin = z
  .url()
  .transform((u) => new URL(u).origin)
  .refine((o) => o.startsWith("http://") || o.startsWith("https://"), "origin must be http(s)");

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
  password: z.string().min(10, "passwords need at least 10 characters").max(1024),
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
