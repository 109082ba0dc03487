import type { Types } from "mongoose";
import { Agent } from "../agents/agent.model.ts";
import { hashPassword } from "../agents/password.ts";
import { Customer } from "../customers/customer.model.ts";
import type { Logger } from "../logging/logger.ts";
import { Site } from "../sites/site.model.ts";

export const DEMO_SITE_KEY = "demo";

export const DEMO_PRODUCTS = [
  { id: "cloud", name: "Acme Cloud" },
  { id: "billing", name: "Billing" },
];

/**
 * Two agents with a product each, so routing and transfers can be tried; the supervisor and the admin have
 * capacity 0, which keeps automatic offers away from them (they can still be given capacity on the admin page).
 */
export const DEMO_ACCOUNTS = [
  {
    email: "agent@example.com",
    password: "agent-demo-pw",
    name: "Ana Agent",
    role: "agent",
    capacity: 3,
    products: ["cloud"],
  },
  {
    email: "agent2@example.com",
    password: "agent2-demo-pw",
    name: "Bo Agent",
    role: "agent",
    capacity: 3,
    products: ["billing"],
  },
  {
    email: "supervisor@example.com",
    password: "supervisor-demo-pw",
    name: "Sam Supervisor",
    role: "supervisor",
    capacity: 0,
    products: [],
  },
  {
    email: "admin@example.com",
    password: "admin-demo-pw",
    name: "Ada Admin",
    role: "admin",
    capacity: 0,
    products: [],
  },
] as const;

/**
 * Demo mode only. Creates the demo site and any missing demo account, and on every start lets the demo
 * site embed from the origins this run is served on. Existing accounts are left as they are, so changes
 * made on the admin page survive a restart.
 */
export async function seedDemo(origins: readonly string[], logger: Logger): Promise<void> {
  const site = await Site.findOneAndUpdate(
    { key: DEMO_SITE_KEY },
    {
      $setOnInsert: { key: DEMO_SITE_KEY, name: "Acme Cloud (demo)", products: DEMO_PRODUCTS },
      $addToSet: { allowedOrigins: { $each: [...origins] } },
    },
    { upsert: true, returnDocument: "after" },
  );
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await Agent.exists({ email: account.email })) continue;
    await Agent.create({
      site: site._id,
      email: account.email,
      name: account.name,
      role: account.role,
      capacity: account.capacity,
      products: [...account.products],
      passwordHash: await hashPassword(account.password),
    });
    created++;
  }
  if (created > 0) logger.info({ event: "demo_seeded", accounts: created }, "demo site and accounts created");
  await seedDemoCustomer(site._id);
}

/**
 * One customer, so tickets show entitlement out of the box: a visitor who gives hank@globex.example is
 * Globex's contact. Acme Cloud was released 30 days before the first demo start (free support), Billing
 * long ago with a year of paid support bought.
 */
async function seedDemoCustomer(site: Types.ObjectId): Promise<void> {
  if (await Customer.exists({ site })) return;
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  await Customer.create({
    site,
    name: "Globex",
    contacts: [{ name: "Hank Scorpio", email: "hank@globex.example" }],
    products: [
      { product: "cloud", finalRelease: day(-30), paidSupportUntil: null },
      { product: "billing", finalRelease: day(-400), paidSupportUntil: day(365) },
    ],
    slaPlanId: "standard",
  });
}
