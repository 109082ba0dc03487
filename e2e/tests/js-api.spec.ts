import { createHmac } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  Contexts,
  changedUntilRestored,
  closeMyChats,
  DEMO,
  restoreSiteLeftChanged,
  signIn,
  signInAgent,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// The JS API and verified identity (docs/embedding.md, "JS API and verified identity"), on a host page of the
// customer's own: the copy-paste snippet queues calls made before widget.js loads, and the loader replays them.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
test.afterEach(({ browser }) => restoreSiteLeftChanged(browser));

/**
 * A customer's page with the docs' snippet (docs/embedding.md), `before` run before widget.js (async, in <head>) loads.
 * Written into a page this server served: a page Playwright made up is a public one to Chromium, whose local network
 * checks then block its socket to localhost. Its context bypasses this server's CSP, which is not the host page's.
 */
async function hostPage(before: string, reuse?: Page): Promise<{ page: Page; logged: string[] }> {
  const page = reuse ?? (await contexts.page({ bypassCSP: true }));
  const logged: string[] = [];
  page.on("console", (m) => logged.push(`${m.type()}: ${m.text()}`));
  await page.goto("/healthz");
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme account</title>
<script>
window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
window.heard = [];
${before}
</script>
<script src="/widget.js" data-site="demo" async></script>
</head><body><main><h1>Your Acme account</h1></main></body></html>`);
  return { page, logged };
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
const launcher = (page: Page) => page.getByRole("button", { name: /Live Chat/ });

/**
 * The signing recipe of docs/embedding.md: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, that first part)).
 */
function sign(claims: object, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
}

test("calls queued before the script loads and made after it: open, identify, events and hide", async () => {
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const { page: visitor, logged } = await hostPage(
    `Parley('on', 'message', function (m) { heard.push(m.from + ': ' + m.body); });
     Parley('on', 'message', function () { throw new Error('a bug in the host page'); });
     Parley('on', 'open', function () { heard.push('open'); });
     Parley('identify', { name: 'Quinn Queued', email: 'quinn@example.test' });
     Parley('bogus', 1);
     Parley('open');`,
  );

  // Opened by the page, not by a click, with the form filled from identify.
  await expect(visitor.getByLabel("Name")).toHaveValue("Quinn Queued");
  await expect(visitor.getByLabel("Email")).toHaveValue("quinn@example.test");
  await expect(launcher(visitor)).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(visitor);
  expect(logged.some((l) => l.startsWith("warning: Parley: ignored") && l.includes("bogus"))).toBe(true);

  await visitor.getByLabel("Message").fill("Where is my invoice?");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await acceptOffer(agent, "Quinn Queued");
  await agent.getByLabel("Message").fill("Hi Quinn, sending it now.");
  await agent.getByRole("button", { name: "Send" }).click();
  // The listener that throws runs before nothing and breaks nothing: the chat goes on, the others still hear.
  await expect(visitor.getByRole("log")).toContainText("Hi Quinn, sending it now.");
  await expect.poll(() => heard(visitor)).toContain("agent: Hi Quinn, sending it now.");
  expect(await heard(visitor)).toEqual(
    expect.arrayContaining(["open", "visitor: Where is my invoice?", "agent: Hi Quinn, sending it now."]),
  );
  expect(logged.filter((l) => l.startsWith("error: Parley:")).length).toBeGreaterThan(0);
  await visitor.getByLabel("Message").fill("Thanks!");
  await visitor.getByLabel("Message").press("Enter");
  await expect(visitor.getByRole("log")).toContainText("Thanks!");

  // After load: the live function, the same commands.
  await visitor.evaluate(() => {
    const w = window as unknown as { Parley: (...a: unknown[]) => void; heard: string[] };
    w.Parley("on", "close", () => w.heard.push("close"));
    w.Parley("close");
  });
  await expect(launcher(visitor)).toHaveAttribute("aria-expanded", "false");
  await expect.poll(() => heard(visitor)).toContain("close");
  await visitor.evaluate(() => (window as unknown as { Parley: (c: string) => void }).Parley("hide"));
  await expect(launcher(visitor)).toBeHidden();
  await visitor.evaluate(() => (window as unknown as { Parley: (c: string) => void }).Parley("show"));
  await expect(launcher(visitor)).toBeVisible();
  await expectNoAxeViolations(visitor);

  // The next page of the site: the chat's history is restored on screen but not announced again; what is new is.
  await hostPage(
    `Parley('on', 'message', function (m) { heard.push(m.from + ': ' + m.body); }); Parley('open');`,
    visitor,
  );
  await expect(visitor.getByRole("log")).toContainText("Hi Quinn, sending it now.");
  await agent.getByLabel("Message").fill("Anything else?");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect.poll(() => heard(visitor)).toEqual(["agent: Anything else?"]);

  await closeMyChats(agent);
});

test("a verified customer sees the same chat from a second browser; a page can hide the widget before it loads", async () => {
  // The secret from the console's Admin page (admins only), as the customer's developer copies it.
  const admin = await signIn(await contexts.page(), DEMO.admin);
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const section = admin.getByRole("region", { name: "Verified identity" });
  await section.getByRole("button", { name: "Show identity secret" }).click();
  const secret = await section.getByLabel("Identity secret").inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(admin, "section[aria-labelledby='admin-identity']");
  await section.screenshot({ path: `${ARTIFACTS}/admin-identity.png` });
  await admin.context().close();

  const userId = `vic-${Date.now()}`;
  const identify = () => {
    const token = sign(
      { userId, email: "vic@example.test", name: "Vic Verified", exp: Math.floor(Date.now() / 1000) + 600 },
      secret,
    );
    return `Parley('identify', ${JSON.stringify({ name: "Vic Verified", email: "vic@example.test", userId, token })});`;
  };

  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const { page: laptop } = await hostPage(`${identify()} Parley('open');`);
  await expect(laptop.getByLabel("Name")).toHaveValue("Vic Verified");
  await laptop.getByLabel("Message").fill("My export is stuck");
  await laptop.getByRole("button", { name: "Start chat" }).click();
  await acceptOffer(agent, "Vic Verified");
  await agent.getByLabel("Message").fill("Looking into your export, Vic.");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(laptop.getByRole("log")).toContainText("Looking into your export, Vic.");

  // Signed out on this page, the next person at this computer is an anonymous visitor who sees none of it; signed
  // in again, the chat is back.
  await laptop.evaluate(() => (window as unknown as { Parley: (c: string) => void }).Parley("logout"));
  await expect(laptop.getByLabel("Name")).toHaveValue("");
  await expect(laptop.getByRole("log")).toHaveCount(0);
  await laptop.evaluate((code) => new Function(code)(), identify());
  await expect(laptop.getByRole("log")).toContainText("Looking into your export, Vic.");

  // Another browser (its own storage): hidden by the page before the script loaded, then shown and opened.
  const { page: phone } = await hostPage(`${identify()} Parley('hide');`);
  await expect(phone.locator("parley-chat")).toBeAttached();
  await expect(launcher(phone)).toBeHidden();
  await phone.evaluate(() => {
    const w = window as unknown as { Parley: (c: string) => void };
    w.Parley("show");
    w.Parley("open");
  });
  const phoneLog = phone.getByRole("log");
  await expect(phoneLog).toContainText("My export is stuck");
  await expect(phoneLog).toContainText("Looking into your export, Vic.");
  await expectNoAxeViolations(phone);

  await closeMyChats(agent);
});

/** Turns the demo site's "Require verified identity" on or off from an admin's console. */
async function setIdentityRequired(admin: Page, on: boolean) {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const section = admin.getByRole("region", { name: "Verified identity" });
  await section.getByRole("checkbox", { name: "Require verified identity" }).setChecked(on);
  await section.getByRole("button", { name: "Save identity setting" }).click();
  await expect(section.getByText("Identity setting saved.")).toBeVisible();
}

test("a site that requires verified identity asks anonymous visitors to sign in, and lets a verified one chat", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const section = admin.getByRole("region", { name: "Verified identity" });
  await section.getByRole("button", { name: "Show identity secret" }).click();
  const secret = await section.getByLabel("Identity secret").inputValue();
  const restored = changedUntilRestored("verified identity", (a) => setIdentityRequired(a, false));
  await setIdentityRequired(admin, true);
  try {
    const { page: anonymous, logged } = await hostPage("Parley('open');");
    await expect(anonymous.getByText("Sign in to this website to chat with us.")).toBeVisible();
    expect(logged.some((l) => l.includes("IDENTITY_REQUIRED"))).toBe(true);
    await expectNoAxeViolations(anonymous);

    const token = sign({ userId: `req-${Date.now()}`, exp: Math.floor(Date.now() / 1000) + 600 }, secret);
    const { page: verified } = await hostPage(
      `Parley('identify', { token: ${JSON.stringify(token)} }); Parley('open');`,
    );
    await expect(verified.getByRole("button", { name: "Start chat" })).toBeVisible();
    await expect(verified.getByText("Sign in to this website to chat with us.")).toHaveCount(0);
  } finally {
    // The demo site is shared with the specs that follow.
    await setIdentityRequired(admin, false);
    restored();
  }
});

test("setLocale queued before the script loads picks the widget's language, and a later call switches it", async () => {
  const { page } = await hostPage("Parley('setLocale', 'fr'); Parley('open');");
  await expect(page.getByRole("button", { name: "Démarrer le chat" })).toBeVisible();
  // The launcher (the loader's, labelled from the browser's English) follows the page's choice too.
  const launcher = page.locator("parley-chat").locator(".launcher");
  await expect(launcher).toHaveText("Chat en direct");
  await expect(launcher).toHaveAttribute("lang", "fr");
  await page.evaluate(() =>
    (window as unknown as { Parley: (c: string, l: string) => void }).Parley("setLocale", "en"),
  );
  await expect(page.getByRole("button", { name: "Start chat" })).toBeVisible();
  await expect(launcher).toHaveText("Live Chat");
});
