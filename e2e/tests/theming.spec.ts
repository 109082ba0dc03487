import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { acceptOffer, Contexts, closeChat, DEMO, openWidget, signIn, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// Theming (docs/embedding.md): an admin themes the demo site's widget on the Admin page, with a
// preview, and visitors see it (colour, side, dark mode); a greeting bubble on chosen pages; a flashing title on a
// reply while the panel is closed. Every test leaves the demo site's widget as it found it (the other specs expect
// the default "Live Chat" launcher on the right and no greeting).

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
/** Whether the demo site's widget was saved other than DEFAULTS and not put back yet (a test that failed half way). */
let themed = false;
test.afterEach(async ({ browser }) => {
  if (!themed) return;
  const c = new Contexts(browser);
  await saveWidget(await adminPage(c), DEFAULTS);
  await c.closeAll();
});

interface WidgetFields {
  accent: string;
  onAccent: string;
  position: "Bottom right" | "Bottom left";
  scheme: "Follow the visitor's system (light or dark)" | "Always light" | "Always dark";
  label: string;
  greeting: string;
  team: string;
  bubble: boolean;
  bubbleMessage: string;
  delay: string;
  pages: string;
}

const DEFAULTS: WidgetFields = {
  accent: "#1f4fd1",
  onAccent: "#ffffff",
  position: "Bottom right",
  scheme: "Follow the visitor's system (light or dark)",
  label: "Live Chat",
  greeting: "",
  team: "",
  bubble: false,
  bubbleMessage: "Questions? We're here to help.",
  delay: "20",
  pages: "/pricing*",
};

async function adminPage(c: Contexts): Promise<Page> {
  const admin = await signIn(await c.page(), DEMO.admin);
  await admin.getByRole("link", { name: "Admin" }).click();
  return admin;
}

const widgetSection = (admin: Page) => admin.getByRole("region", { name: "Chat widget" });

async function fill(section: Locator, fields: Partial<WidgetFields>) {
  const text: Array<[keyof WidgetFields, string]> = [
    ["accent", "Accent colour (#rrggbb)"],
    ["onAccent", "Text colour on the accent (#rrggbb)"],
    ["label", "Launcher label"],
    ["greeting", "Greeting at the top of a new chat"],
    ["team", "Team name"],
    ["bubbleMessage", "Bubble message"],
    ["delay", "Show it after (seconds on the page)"],
    ["pages", "On these pages (one a line; * stands for anything)"],
  ];
  for (const [key, label] of text) {
    const value = fields[key];
    if (typeof value === "string") await section.getByLabel(label, { exact: true }).fill(value);
  }
  if (fields.position) await section.getByLabel("Launcher position").selectOption({ label: fields.position });
  if (fields.scheme) await section.getByLabel("Colour scheme").selectOption({ label: fields.scheme });
  if (fields.bubble !== undefined) {
    await section.getByLabel("Show a greeting bubble beside the launcher").setChecked(fields.bubble);
  }
}

async function saveWidget(admin: Page, fields: Partial<WidgetFields>) {
  const section = widgetSection(admin);
  await fill(section, fields);
  await section.getByRole("button", { name: "Save chat widget settings" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Chat widget settings saved." })).toBeVisible();
  themed = fields !== DEFAULTS;
}

const css = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** The launcher in the widget's shadow root (Playwright's CSS locators pierce open shadow roots). */
const launcherOf = (page: Page) => page.locator("parley-chat .launcher");

test("the admin's preview follows the form, a low contrast is refused, and the saved theme shows in the widget", async () => {
  const admin = await adminPage(contexts);
  const section = widgetSection(admin);
  const previewLauncher = section.getByTestId("preview-launcher");
  const previewHeader = section.getByTestId("preview-header");
  await expect(previewLauncher).toHaveText("Live Chat");
  await expect.poll(() => css(previewLauncher, "background-color")).toBe("rgb(31, 79, 209)");

  // Yellow with the default white text: the preview follows at once, the contrast line says it fails, save refuses.
  await fill(section, { accent: "#ffcc00", label: "Ask us", team: "Billing team", greeting: "Hello from billing!" });
  await expect.poll(() => css(previewLauncher, "background-color")).toBe("rgb(255, 204, 0)");
  await expect(previewLauncher).toHaveText("Ask us");
  await expect(previewHeader).toHaveText("Billing team");
  await expect(section.getByText(/^Contrast 1\.51:1: fails WCAG AA/)).toBeVisible();
  await section.getByRole("button", { name: "Save chat widget settings" }).click();
  await expect(section.getByRole("alert")).toContainText("WCAG AA needs 4.5:1");
  await expect(section.getByLabel("Text colour on the accent (#rrggbb)", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  // Dark text on the yellow passes; on the left.
  await fill(section, { onAccent: "#1d2433", position: "Bottom left" });
  await expect(section.getByText(/^Contrast \d+\.\d\d:1: passes WCAG AA/)).toBeVisible();
  await expect.poll(() => css(previewLauncher, "color")).toBe("rgb(29, 36, 51)");
  await expectNoAxeViolations(admin, "section[aria-labelledby='admin-widget']");
  await saveWidget(admin, {});

  const visitor = await contexts.page();
  await visitor.goto("/");
  const launcher = launcherOf(visitor);
  await expect(visitor.getByRole("button", { name: "Ask us" })).toBeVisible();
  expect(await css(launcher, "background-color")).toBe("rgb(255, 204, 0)");
  expect(await css(launcher, "color")).toBe("rgb(29, 36, 51)");
  expect(await css(launcher, "left")).toBe("20px");
  const box = await launcher.boundingBox();
  expect(box?.x).toBeLessThan(100);

  await launcher.click();
  const panel = visitor.getByRole("dialog", { name: "Billing team" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Hello from billing!")).toBeVisible();
  expect(await css(panel.locator(".header"), "background-color")).toBe("rgb(255, 204, 0)");
  expect(await css(panel, "left")).toBe("20px");
  await expectNoAxeViolations(visitor);

  await saveWidget(admin, DEFAULTS);
});

async function darkContext(browser: Browser, colorScheme: "dark" | "light"): Promise<BrowserContext> {
  return browser.newContext({ colorScheme });
}

test("the widget follows the visitor's dark mode, or the site's fixed scheme", async ({ browser }) => {
  const dark = await darkContext(browser, "dark");
  const light = await darkContext(browser, "light");
  try {
    const inDark = await dark.newPage();
    await inDark.goto("/");
    await openWidget(inDark);
    const darkPanel = inDark.getByRole("dialog", { name: "Chat with support" });
    await expect(darkPanel).toBeVisible();
    expect(await css(darkPanel, "background-color")).toBe("rgb(22, 27, 38)");
    expect(await css(darkPanel, "color")).toBe("rgb(242, 244, 247)");
    expect(await css(launcherOf(inDark), "background-color")).toBe("rgb(31, 79, 209)");
    // The launcher keeps the accent, with a light edge on dark pages.
    expect(await css(launcherOf(inDark), "border-top-color")).toBe("rgba(255, 255, 255, 0.55)");
    await expectNoAxeViolations(inDark);

    const inLight = await light.newPage();
    await inLight.goto("/");
    await openWidget(inLight);
    const lightPanel = inLight.getByRole("dialog", { name: "Chat with support" });
    await expect(lightPanel).toBeVisible();
    expect(await css(lightPanel, "background-color")).toBe("rgb(255, 255, 255)");
    expect(await css(launcherOf(inLight), "border-top-color")).toBe("rgba(0, 0, 0, 0)");

    // "Always dark" wins over a light system (in a new tab of the light context: pages already open keep the config
    // their browser cached for a minute).
    const admin = await adminPage(contexts);
    await saveWidget(admin, { scheme: "Always dark" });
    const lightLater = await (await darkContext(browser, "light")).newPage();
    await lightLater.goto("/");
    await openWidget(lightLater);
    const forcedDark = lightLater.getByRole("dialog", { name: "Chat with support" });
    await expect(forcedDark).toBeVisible();
    expect(await css(forcedDark, "background-color")).toBe("rgb(22, 27, 38)");
    await lightLater.context().close();
    await saveWidget(admin, DEFAULTS);
  } finally {
    await dark.close();
    await light.close();
  }
});

test("the greeting bubble waits for its delay and for the visitor to stop typing, opens the chat, and shows once per visit", async () => {
  const admin = await adminPage(contexts);
  await saveWidget(admin, { bubble: true, bubbleMessage: "Questions about plans?", delay: "1", pages: "/pricing*" });

  const visitor = await contexts.page();
  const chunkRequests: string[] = [];
  visitor.on("request", (r) => {
    if (r.url().includes("/widget/greeting.js")) chunkRequests.push(r.url());
  });
  // The page's timers run on Playwright's clock, so the delay passes when the test says, not on the machine's speed.
  await visitor.clock.install();

  // Not a page the greeting applies to: its code is not even fetched.
  await visitor.goto("/");
  await expect(launcherOf(visitor)).toBeVisible();
  await visitor.clock.runFor(5_000);
  expect(chunkRequests).toEqual([]);

  await visitor.goto("/pricing");
  await expect(launcherOf(visitor)).toBeVisible();
  // The visitor is typing in the host page's own field when the delay is over.
  await visitor.evaluate(() => {
    const field = document.createElement("input");
    field.setAttribute("aria-label", "Search plans");
    document.querySelector("main")?.append(field);
    field.focus();
  });
  const bubble = visitor.locator("parley-chat .greeting");
  await expect(async () => {
    await visitor.clock.runFor(1_000);
    await expect(bubble).toBeAttached({ timeout: 200 });
  }).toPass();
  await visitor.clock.runFor(10_000);
  await expect(bubble).toBeHidden();

  // Done typing: it shows.
  await visitor.getByLabel("Search plans").blur();
  await visitor.clock.runFor(100);
  await expect(bubble).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Dismiss the greeting" })).toBeVisible();
  await expectNoAxeViolations(visitor);

  // Clicking it opens the chat, and it goes.
  await visitor.getByRole("button", { name: "Questions about plans?" }).click();
  await expect(visitor.getByRole("dialog", { name: "Chat with support" })).toBeVisible();
  await expect(bubble).toHaveCount(0);

  // Another visit (a new tab of its own): dismissed with its close button; not again on the next pages of the visit.
  const second = await contexts.page();
  await second.clock.install();
  await second.goto("/pricing");
  const again = second.locator("parley-chat .greeting");
  await expect(async () => {
    await second.clock.runFor(1_000);
    await expect(again).toBeVisible({ timeout: 200 });
  }).toPass();
  await second.getByRole("button", { name: "Dismiss the greeting" }).click();
  await expect(again).toHaveCount(0);
  await expect(launcherOf(second)).toBeFocused();

  await second.goto("/");
  await second.goto("/pricing");
  await expect(launcherOf(second)).toBeVisible();
  for (let i = 0; i < 5; i++) await second.clock.runFor(1_000);
  await expect(again).toHaveCount(0);
  expect(await second.evaluate(() => sessionStorage.getItem("parley:demo:open:greeted"))).toBe("1");

  await saveWidget(admin, DEFAULTS);
});

test("a reply while the panel is closed flashes the page title until the visitor opens the chat", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Tom Title", "Is anyone there?");
  await acceptOffer(ana, "Tom Title");
  const original = "Home · Acme Cloud (Parley demo)";
  await expect(visitor).toHaveTitle(original);

  await visitor.getByRole("button", { name: "Minimize chat" }).click();
  await expect(visitor.getByRole("dialog")).toBeHidden();
  await ana.getByLabel("Message").fill("Yes, how can I help?");
  await ana.getByRole("button", { name: "Send" }).click();
  await expect(visitor).toHaveTitle(`(1) New message – ${original}`);
  await expect(visitor.getByRole("button", { name: /^Live Chat\s*,\s*1 new$/ })).toBeVisible();

  await openWidget(visitor);
  await expect(visitor.getByRole("log")).toContainText("Yes, how can I help?");
  await expect(visitor).toHaveTitle(original);

  await closeChat(ana);
});
