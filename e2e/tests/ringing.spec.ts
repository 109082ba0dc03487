import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { acceptOffer, Contexts, closeChat, DEMO, signIn, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// Ringing (docs/console.md, "When a chat rings you"): notifications, title, shortcuts and their help, the ringing card,
// the permission banner, the Away notice, and "My chats" context.

/**
 * Records every notification the console shows (and still shows the real one), and lets the test hide the
 * tab: a headless browser's only tab is always visible, so the page's view of visibility is overridden.
 */
function watchNotificationsAndVisibility() {
  type Recorded = { title: string; body: string | undefined; notification: Notification | null };
  const w = window as unknown as { __notifications: Recorded[]; __setHidden: (hidden: boolean) => void };
  w.__notifications = [];
  const Real = window.Notification;
  class Recording extends Real {
    constructor(title: string, options?: NotificationOptions) {
      const entry: Recorded = { title, body: options?.body, notification: null };
      w.__notifications.push(entry);
      super(title, options);
      entry.notification = this;
    }
  }
  Object.defineProperty(Recording, "permission", { get: () => Real.permission });
  Object.defineProperty(window, "Notification", { value: Recording, configurable: true, writable: true });
  // Each chime starts two oscillators: counting them tells whether the console played it.
  const w2 = window as unknown as { __oscillators: number };
  w2.__oscillators = 0;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w2.__oscillators += 1;
    return create.call(this);
  };
  let hidden = false;
  Object.defineProperty(Document.prototype, "visibilityState", {
    configurable: true,
    get: () => (hidden ? "hidden" : "visible"),
  });
  Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
  w.__setHidden = (value: boolean) => {
    hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  };
}

type Win = { __notifications: { title: string; body?: string; notification: Notification | null }[] };

let contexts: Contexts;
const extra: BrowserContext[] = [];
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(async () => {
  await Promise.all(extra.splice(0).map((c) => c.close()));
  await contexts.closeAll();
});

async function agentWithNotifications(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ permissions: ["notifications"] });
  extra.push(context);
  await context.addInitScript(watchNotificationsAndVisibility);
  return signInAgent(await context.newPage(), DEMO.agent);
}

/** Frees the demo agent's slot for the specs that follow. */
async function closeOpenChat(agent: Page) {
  await closeChat(agent);
  await expect(agent.getByRole("button", { name: "Close conversation" })).toHaveCount(0);
}

const oscillators = (page: Page) => page.evaluate(() => (window as unknown as { __oscillators: number }).__oscillators);

const notifications = (page: Page) =>
  page.evaluate(() => (window as unknown as Win).__notifications.map((n) => n.title));

test("an agent on the Tickets page is notified of a ringing chat, sees the title flash, and accepts it from there", async ({
  browser,
}) => {
  const agent = await agentWithNotifications(browser);
  // Permission is granted already: no banner asks for it.
  await expect(agent.getByRole("button", { name: "Allow notifications" })).toHaveCount(0);
  await agent.getByRole("link", { name: "Tickets" }).click();
  await expect(agent.getByRole("heading", { name: "Tickets" })).toBeVisible();
  await agent.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(true));

  const visitor = await contexts.page();
  await startChat(visitor, "Rita Ringing", "My export to PDF stops at page two");

  await expect.poll(() => notifications(agent)).toEqual(["Chat ringing: Rita Ringing"]);
  const body = await agent.evaluate(() => (window as unknown as Win).__notifications[0]?.body);
  expect(body).toBe("My export to PDF stops at page two");
  await expect.poll(() => agent.title()).toBe("(1) Chat ringing — Parley");
  // The agent has clicked in the page (the Tickets link), so the chime played: on by default.
  await expect.poll(() => oscillators(agent)).toBe(2);

  // The ringing card shows the first message; axe on it.
  const card = agent.getByRole("region", { name: "Incoming chats" }).getByRole("listitem");
  await expect(card).toContainText("My export to PDF stops at page two");
  await expectNoAxeViolations(agent, ".incoming");

  // Back in the tab, still on the Tickets page: Alt+A accepts, and the chat opens.
  await agent.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(false));
  await expect(agent.getByRole("heading", { name: "Tickets" })).toBeVisible();
  await agent.keyboard.press("Alt+a");
  await expect(agent.getByRole("log")).toContainText("My export to PDF stops at page two");
  await expect(agent.getByRole("region", { name: "Incoming chats" })).toHaveCount(0);
  await expect.poll(() => agent.title()).not.toMatch(/ringing/);
  // The chat is mine: the reply box is there, and Alt+C puts the cursor in it.
  await agent.keyboard.press("Alt+c");
  await expect(agent.getByLabel("Message")).toBeFocused();

  // Read as it opened: nothing unread. A message that comes while the agent is on another page is counted in
  // "My chats", with how long the visitor has waited; opening the chat reads it.
  const myChats = agent.getByRole("region", { name: "My chats" });
  const row = myChats.getByRole("link", { name: /Rita Ringing/ });
  await expect(row).not.toContainText("unread");
  await agent.getByRole("link", { name: "Tickets" }).click();
  await expect(agent.getByRole("heading", { name: "Tickets" })).toBeVisible();
  await visitor.getByLabel("Message").fill("It happens with every file");
  await visitor.getByLabel("Message").press("Enter");
  await expect(visitor.getByRole("log")).toContainText("It happens with every file");
  await agent.getByRole("link", { name: "Inbox" }).click();
  await expect(row).toContainText("1 unread");
  await expect(row).toContainText("It happens with every file");
  await expect(row).toContainText("Waiting for you");
  await expectNoAxeViolations(agent, ".lists");
  await row.click();
  await expect(agent.getByRole("log")).toContainText("It happens with every file");
  await expect(row).not.toContainText("unread");
  await closeOpenChat(agent);
});

test("a notification's click opens the ringing chat; a ticket from it starts with the visitor's words", async ({
  browser,
}) => {
  const agent = await agentWithNotifications(browser);
  // With "Ring sound" off (stored on the account), the chat rings silently.
  const sound = agent.getByRole("checkbox", { name: "Ring sound" });
  await expect(sound).toBeChecked();
  await sound.uncheck();
  // Stored on the server: a reload reads it back (again until the write has landed).
  await expect(async () => {
    await agent.reload();
    await expect(agent.getByRole("checkbox", { name: "Ring sound" })).not.toBeChecked({ timeout: 2_000 });
  }).toPass();
  await agent.getByRole("link", { name: "Tickets" }).click();
  await agent.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(true));
  const visitor = await contexts.page();
  await startChat(visitor, "Nina Notified", "Where is my order?");
  await expect.poll(() => notifications(agent)).toEqual(["Chat ringing: Nina Notified"]);
  expect(await oscillators(agent)).toBe(0);
  await agent.getByRole("checkbox", { name: "Ring sound" }).check();

  await agent.evaluate(() => {
    const n = (window as unknown as Win).__notifications[0]?.notification;
    n?.onclick?.(new Event("click"));
  });
  await expect(agent.getByRole("log")).toContainText("Where is my order?");
  await acceptOffer(agent, "Nina Notified");

  // A ticket from this chat starts with the visitor's messages as Details, and the chat's environment.
  await visitor.getByLabel("Message").fill("Order 1234, placed on Monday");
  await visitor.getByLabel("Message").press("Enter");
  await expect(agent.getByRole("log")).toContainText("Order 1234, placed on Monday");
  await agent.getByRole("button", { name: "Create ticket" }).click();
  await expect(agent.getByLabel("Details", { exact: true })).toHaveValue(
    "Where is my order?\n\nOrder 1234, placed on Monday",
  );
  await expect(agent.getByLabel("Environment", { exact: true })).toHaveValue(/Page: http:\/\/localhost/);
  await agent.goBack();
  await closeOpenChat(agent);
  // The sound is stored on again before the test ends: a test after this one (or a repeat) starts from the default.
  await expect(async () => {
    await agent.reload();
    await expect(agent.getByRole("checkbox", { name: "Ring sound" })).toBeChecked({ timeout: 2_000 });
  }).toPass();
});

test("? opens the list of shortcuts, and Escape closes it", async () => {
  const agent = await signIn(await contexts.page(), DEMO.agent);
  await agent.locator("body").press("?");
  const help = agent.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const keys of ["Alt+A", "Alt+N", "Alt+C", "Alt+/", "?", "Escape"]) {
    await expect(help.getByRole("cell", { name: keys, exact: true })).toBeVisible();
  }
  await expect(help).toContainText("Accept the chat ringing you");
  await expectNoAxeViolations(agent);
  await agent.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});

test("the notification banner asks once, and 'Not now' is remembered", async () => {
  const agent = await signIn(await contexts.page(), DEMO.agent);
  const banner = agent.getByRole("region", { name: "Notifications" });
  await expect(banner).toContainText("Allow notifications so a chat ringing you is not missed");
  await expectNoAxeViolations(agent, ".permission-banner");
  await banner.getByRole("button", { name: "Not now" }).click();
  await expect(banner).toHaveCount(0);
  await agent.reload();
  await expect(agent.getByRole("heading", { name: "Waiting" })).toBeVisible();
  await expect(agent.getByRole("region", { name: "Notifications" })).toHaveCount(0);
});

test("an agent who lets a chat ring out is told why they are Away, and goes online in one click", async () => {
  test.setTimeout(120_000);
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Otto Overlooked", "Hello?");
  await expect(agent.getByRole("region", { name: "Incoming chats" })).toContainText("Otto Overlooked");

  // The demo site's offers ring for 30 s.
  const notice = agent.getByText("You were set to Away because a chat rang for 30 s without an answer.");
  await expect(notice).toBeVisible({ timeout: 45_000 });
  await expect(agent.getByLabel("Status")).toHaveValue("away");
  await expectNoAxeViolations(agent, ".away-notice-region");
  await agent.getByRole("button", { name: "Go online" }).click();
  await expect(agent.getByLabel("Status")).toHaveValue("online");
  await expect(notice).toHaveCount(0);
  // Online again, the chat rings them once more and they take it.
  await acceptOffer(agent, "Otto Overlooked");
  await closeOpenChat(agent);
});

test("a supervisor who takes no chats is shown as available to help, with no Online/Away choice", async () => {
  const lead = await signIn(await contexts.page(), DEMO.supervisor);
  await expect(lead.getByText("Available to help")).toBeVisible();
  await expect(lead.getByLabel("Status")).toHaveCount(0);
});
