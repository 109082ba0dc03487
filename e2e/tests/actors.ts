import { type Browser, type BrowserContext, type BrowserContextOptions, expect, type Page } from "@playwright/test";

export const ARTIFACTS = "test-results/screenshots";

export const DEMO = {
  agent: { email: "agent@example.com", password: "agent-demo-pw" },
  agent2: { email: "agent2@example.com", password: "agent2-demo-pw" },
  admin: { email: "admin@example.com", password: "admin-demo-pw" },
  supervisor: { email: "supervisor@example.com", password: "supervisor-demo-pw" },
} as const;

/** Contexts a test opened, closed at its end so the agents in them go offline for the next test. */
export class Contexts {
  private readonly open: BrowserContext[] = [];

  constructor(private readonly browser: Browser) {}

  async page(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await this.browser.newContext(options);
    this.open.push(context);
    return context.newPage();
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((c) => c.close()));
  }
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<Page> {
  await page.goto("/console/");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Waiting" })).toBeVisible();
  return page;
}

export async function openWidget(page: Page) {
  await page.getByRole("button", { name: /Live Chat/ }).click();
}

/** Fills the widget's pre-chat form and starts the chat. */
export async function startChat(page: Page, name: string, message: string) {
  await page.goto("/");
  await openWidget(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Message").fill(message);
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page.getByRole("log")).toContainText(message);
}

/**
 * A word no earlier test or run used (lowercase letters and digits), for names, addresses and search words that a
 * test looks up afterwards: the demo database outlives the test, and a repeat must not find the first run's rows.
 */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Signs an agent in ready to take chats, whatever earlier tests left behind: Online (a chat that rang out sets an
 * agent Away, and the picked status is kept on the account) and with every slot free (a chat stays assigned to an
 * agent who signed out, and the demo agent holds 3). A test that ran before and failed half way leaves both.
 */
export async function signInAgent(page: Page, account: { email: string; password: string }): Promise<Page> {
  await signIn(page, account);
  const status = page.getByLabel("Status");
  if ((await status.inputValue()) !== "online") await status.selectOption("online");
  await expect(status).toHaveValue("online");
  const mine = page.getByRole("region", { name: "My chats" });
  await expect(mine).not.toContainText("Loading…");
  if ((await mine.getByRole("link").count()) > 0) {
    await closeMyChats(page);
    await adminPage(page, "Inbox");
  }
  return page;
}

/** Adds an agent on the admin page (the caller picks a unique email: accounts outlive the test). */
export async function addAgent(
  admin: Page,
  agent: { name: string; email: string; password: string; capacity: number },
): Promise<void> {
  await adminPage(admin, "Admin");
  const form = admin.getByRole("form", { name: "Add agent" });
  await form.getByLabel("Name").fill(agent.name);
  await form.getByLabel("Email").fill(agent.email);
  await form.getByLabel("Password").fill(agent.password);
  await form.getByLabel("Capacity").fill(String(agent.capacity));
  await form.getByRole("button", { name: "Add agent" }).click();
  await expect(admin.getByRole("region", { name: "Agents" }).getByRole("row", { name: agent.name })).toBeVisible();
}

/** Answers the offer ringing in the console for this visitor; the console then opens the chat. */
export async function acceptOffer(agent: Page, visitorName: string) {
  const incoming = agent.getByRole("region", { name: "Incoming chats" });
  const offer = incoming.getByRole("listitem").filter({ hasText: visitorName });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Accept" }).click();
  await expect(agent.getByRole("log")).toBeVisible();
}

/**
 * Closes every chat in the signed-in agent's "My chats", so the specs that follow find the demo agent with free
 * slots (capacity 3): call it at the end of a spec that leaves chats open.
 */
export async function closeMyChats(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  const rows = page.getByRole("region", { name: "My chats" }).getByRole("link");
  for (let left = await rows.count(); left > 0; left--) {
    await rows.first().click();
    await closeChat(page);
    await expect(rows).toHaveCount(left - 1);
  }
}

/**
 * Closes the chat open in the console through its confirmation dialog, with a reason, and waits until
 * the header says it is closed.
 */
export async function closeChat(page: Page, reason: "Resolved" | "No reply" | "Spam" = "Resolved") {
  await page.getByRole("button", { name: "Close conversation" }).click();
  const dialog = page.getByRole("dialog", { name: /^Close the chat with/ });
  await dialog.getByRole("radio", { name: new RegExp(`^${reason}`) }).check();
  await dialog.getByRole("button", { name: "Close conversation" }).click();
  await expect(page.getByText(`Closed: ${reason}`)).toBeVisible();
}

/** One of the console's pages from the main navigation (the Admin section's and the Inbox). */
export async function adminPage(page: Page, link: "Admin" | "Team" | "Offline requests" | "Inbox") {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
}

/**
 * Closes the demo site's support today and tomorrow through the Admin page (two holidays, so a run that crosses
 * midnight UTC still finds support closed; the demo calendar is in UTC). Resolves to what opens it again, which
 * the caller must run before it ends: every chat spec runs inside the demo site's hours.
 */
export async function closeSupportForTwoDays(admin: Page): Promise<() => Promise<void>> {
  const reopened = changedUntilRestored("support hours", removeClosedDates);
  await adminPage(admin, "Admin");
  const hours = admin.getByRole("region", { name: "Support hours and routing" });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const closed = hours.getByRole("group", { name: "Closed dates" });
  for (const date of [day(0), day(1)]) {
    await hours.getByRole("button", { name: "Add closed date" }).click();
    await closed.getByLabel("Date", { exact: true }).last().fill(date);
    await closed.getByLabel("Note", { exact: true }).last().fill("Company days out");
  }
  await hours.getByRole("button", { name: "Save", exact: true }).click();
  await expect(hours.getByText("Saved.")).toBeVisible();
  return async () => {
    await adminPage(admin, "Admin");
    await closed.getByRole("button", { name: "Remove closed date 2" }).click();
    await closed.getByRole("button", { name: "Remove closed date 1" }).click();
    await hours.getByRole("button", { name: "Save", exact: true }).click();
    await expect(hours.getByText("Saved.")).toBeVisible();
    reopened();
  };
}

/**
 * Demo-site settings a test changed and has not put back yet, by name, each with how to put it back from an admin's
 * console. A timed-out test's pages are closed before its finally block runs, so the finally cannot; the afterEach
 * of each spec that changes one (restoreSiteLeftChanged) does, from a console of its own: the demo site is shared
 * with every test that follows.
 */
const leftChanged = new Map<string, (admin: Page) => Promise<void>>();

/** Records a change to the demo site until the returned function is called, once the test has put it back. */
export function changedUntilRestored(name: string, restore: (admin: Page) => Promise<void>): () => void {
  leftChanged.set(name, restore);
  return () => leftChanged.delete(name);
}

export async function restoreSiteLeftChanged(browser: Browser): Promise<void> {
  if (leftChanged.size === 0) return;
  const contexts = new Contexts(browser);
  try {
    const admin = await signIn(await contexts.page(), DEMO.admin);
    for (const [name, restore] of leftChanged) {
      await restore(admin);
      leftChanged.delete(name);
    }
  } finally {
    await contexts.closeAll();
  }
}

/** Every closed date removed: what a test that closed support for two days leaves when it could not reopen it. */
async function removeClosedDates(admin: Page): Promise<void> {
  await adminPage(admin, "Admin");
  const hours = admin.getByRole("region", { name: "Support hours and routing" });
  await expect(hours.getByRole("button", { name: "Add closed date" })).toBeVisible();
  const closed = hours.getByRole("group", { name: "Closed dates" });
  for (let n = await closed.getByRole("button", { name: /^Remove closed date/ }).count(); n > 0; n--) {
    await closed.getByRole("button", { name: `Remove closed date ${n}`, exact: true }).click();
  }
  await hours.getByRole("button", { name: "Save", exact: true }).click();
  await expect(hours.getByText("Saved.")).toBeVisible();
}
