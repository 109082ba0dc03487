import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  adminPage,
  Contexts,
  closeChat,
  DEMO,
  signIn,
  signInAgent,
  startChat,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

async function addSiteWideReply(admin: Page, shortcut: string, title: string, text: string) {
  const section = admin.getByRole("region", { name: "Canned replies" });
  await section.getByRole("button", { name: "Add site-wide reply" }).click();
  const form = section.getByRole("form", { name: "New site-wide reply" });
  await form.getByLabel("Shortcut").fill(shortcut);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Text").fill(text);
  await form.getByRole("button", { name: "Save site-wide reply" }).click();
  await expect(section.getByRole("row", { name: new RegExp(`/${shortcut}`) })).toBeVisible();
}

/** Deletes a reply, when there, from a list the page shows (the admin's site-wide one, or the signed-in agent's own). */
async function deleteReply(section: Locator, shortcut: string) {
  await expect(section).not.toContainText("Loading…");
  const row = section.getByRole("row", { name: new RegExp(`/${shortcut}`) });
  if ((await row.count()) === 0) return;
  await section.getByRole("button", { name: `Delete /${shortcut}` }).click();
  await section.getByRole("button", { name: `Confirm delete /${shortcut}` }).click();
  await expect(row).toHaveCount(0);
}

/**
 * The replies the test adds are deleted after it, passed or failed: the picker offers every reply there is, so a
 * repeat (or a run after a failure) would otherwise list four, and the shortcuts could not be added again.
 */
test.afterEach(async ({ browser }) => {
  const cleanup = new Contexts(browser);
  try {
    const admin = await signIn(await cleanup.page(), DEMO.admin);
    await adminPage(admin, "Admin");
    const site = admin.getByRole("region", { name: "Canned replies" });
    await deleteReply(site, "refund");
    await deleteReply(site, "thanks");
    const agent = await signIn(await cleanup.page(), DEMO.agent);
    await agent.getByRole("link", { name: "Replies" }).click();
    await deleteReply(agent.getByRole("region", { name: "My replies" }), "hold");
  } finally {
    await cleanup.closeAll();
  }
});

// Canned replies (docs/console.md): an admin writes a site-wide reply; an agent finds it with "/" in a live chat and
// sends it, filled in.
test("an agent inserts a site-wide canned reply with / and the keyboard, filled in, and the visitor gets it", async () => {
  // Two consoles and a chat, then the clean-up's two: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  const admin = await signIn(await contexts.page(), DEMO.admin);
  await admin.getByRole("link", { name: "Admin" }).click();
  const section = admin.getByRole("region", { name: "Canned replies" });
  await expect(section).toBeVisible();
  await section.getByRole("button", { name: "Add site-wide reply" }).click();
  // The editor, and a refused save: each field error is tied to its field.
  const form = section.getByRole("form", { name: "New site-wide reply" });
  await form.getByLabel("Shortcut").fill("two words");
  await form.getByRole("button", { name: "Save site-wide reply" }).click();
  await expect(form.getByRole("alert")).toContainText("Title");
  await expect(form.getByLabel("Shortcut")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(admin, 'section[aria-labelledby="admin-canned"]');
  await form.getByRole("button", { name: "Cancel" }).click();

  await addSiteWideReply(admin, "refund", "Refund policy", "Refunds take 5 working days, {visitor.name}.");
  await addSiteWideReply(admin, "thanks", "Thanks", "Thanks {visitor.name}, {agent.name} here. Anything else?");
  await expectNoAxeViolations(admin, 'section[aria-labelledby="admin-canned"]');
  await section.screenshot({ path: `${ARTIFACTS}/console-canned-admin.png` });

  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Vera Visitor", "Is my order on its way?");
  await acceptOffer(agent, "Vera Visitor");

  // "/" in the empty composer opens the picker, with focus in its search box.
  const composer = agent.getByLabel("Message", { exact: true });
  await composer.focus();
  await composer.press("/");
  const search = agent.getByRole("combobox", { name: "Search canned replies" });
  await expect(search).toBeFocused();
  const options = agent.getByRole("listbox", { name: "Canned replies" }).getByRole("option");
  await expect(options).toHaveCount(2);
  await search.pressSequentially("th");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText("/thanks");
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(agent, "form.composer");
  await agent.screenshot({ path: `${ARTIFACTS}/console-canned-picker.png` });

  // Escape closes and leaves the "/" as typed; the button opens it again, and arrows then Enter choose.
  await search.press("Escape");
  await expect(search).toHaveCount(0);
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue("/");
  await composer.fill("");
  await agent.getByRole("button", { name: "Canned replies" }).click();
  await expect(search).toBeFocused();
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await search.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(1)).toContainText("/thanks");
  await search.press("Enter");
  await expect(composer).toHaveValue("Thanks Vera Visitor, Ana Agent here. Anything else?");
  await expect(composer).toBeFocused();
  await composer.press("Enter");
  await expect(visitor.getByRole("log")).toContainText("Thanks Vera Visitor, Ana Agent here. Anything else?");
  await expect(agent.getByRole("log")).toContainText("Thanks Vera Visitor, Ana Agent here. Anything else?");
  // Closed, so Ana has her slots back for the next spec.
  await closeChat(agent);

  // The use is counted, as the admin sees on a fresh load.
  await admin.reload();
  const row = admin.getByRole("region", { name: "Canned replies" }).getByRole("row", { name: /\/thanks/ });
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");

  // The agent's own replies, on the Replies page.
  await agent.getByRole("link", { name: "Replies" }).click();
  await expect(agent.getByRole("heading", { name: "Canned replies", level: 2 })).toBeFocused();
  const mine = agent.getByRole("region", { name: "My replies" });
  await mine.getByRole("button", { name: "Add reply" }).click();
  await mine.getByLabel("Shortcut").fill("hold");
  await mine.getByLabel("Title").fill("Hold on");
  await mine.getByLabel("Text").fill("One moment please, {visitor.name}.");
  await mine.getByRole("button", { name: "Save reply" }).click();
  await expect(mine.getByRole("row", { name: /\/hold/ })).toBeVisible();
  await expect(
    agent.getByRole("region", { name: "Site-wide replies" }).getByRole("row", { name: /\/thanks/ }),
  ).toBeVisible();
  await expectNoAxeViolations(agent, "main");
  await agent.screenshot({ path: `${ARTIFACTS}/console-canned-replies.png`, fullPage: true });
});
