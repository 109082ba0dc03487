import { expect, type Page, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  Contexts,
  changedUntilRestored,
  closeChat,
  DEMO,
  restoreSiteLeftChanged,
  signIn,
  signInAgent,
  startChat,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// Closing asks first and keeps a reason; a chat whose visitor went away says so.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
test.afterEach(({ browser }) => restoreSiteLeftChanged(browser));

async function visitorGoneSettings(admin: Page, leftAfterMinutes: string) {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  const section = admin.getByRole("region", { name: "Visitors who leave" });
  await section.getByLabel(/^Show .Visitor left. after/).fill(leftAfterMinutes);
  await section.getByRole("button", { name: "Save settings for visitors who leave" }).click();
  await expect(section.getByText("Settings for visitors who leave saved.")).toBeVisible();
}

test("closing a chat asks for confirmation and a reason, by keyboard too, and the closed chat shows the reason", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Cleo Closer", "Thanks, that was all");
  await acceptOffer(ana, "Cleo Closer");

  const closeButton = ana.getByRole("button", { name: "Close conversation" });
  await closeButton.click();
  const dialog = ana.getByRole("dialog", { name: "Close the chat with Cleo Closer?" });
  await expect(dialog).toBeVisible();
  const resolved = dialog.getByRole("radio", { name: /^Resolved/ });
  await expect(resolved).toBeChecked();
  await expect(resolved).toBeFocused();
  await expectNoAxeViolations(ana);
  await ana.screenshot({ path: `${ARTIFACTS}/console-close-dialog.png` });

  // Escape cancels: nothing is closed, and focus is back on the button that opened the dialog.
  await ana.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(closeButton).toBeFocused();
  await expect(ana.getByText("Assigned to you")).toBeVisible();

  // By keyboard alone: open, move to "No reply", Enter confirms.
  await ana.keyboard.press("Enter");
  await expect(resolved).toBeFocused();
  await ana.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /^No reply/ })).toBeChecked();
  await ana.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(ana.getByText("Closed: No reply")).toBeVisible();
  await expect(ana.getByRole("log")).toContainText("Closed as: No reply");
  // The visitor sees the chat closed, not the team's reason.
  await expect(visitor.getByRole("log")).toContainText("Ana Agent closed the chat");
  await expect(visitor.getByRole("log")).not.toContainText("No reply");

  // Stored, not only shown: a reload reads it back.
  await ana.reload();
  await expect(ana.getByText("Closed: No reply")).toBeVisible();
});

// The real clock, as the e2e server has no other: the shortest "visitor left" a site may set is one minute, so this
// test waits about that long (polling, no fixed sleep; the e2e server sweeps every second, VISITOR_GONE_SWEEP_MS).
test("a chat whose visitor left says so in the inbox, the chat and on the wall", async () => {
  test.setTimeout(180_000);
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const restored = changedUntilRestored("visitor left after", (a) => visitorGoneSettings(a, "10"));
  await visitorGoneSettings(admin, "1");
  try {
    const ana = await signInAgent(await contexts.page(), DEMO.agent);
    const sue = await signIn(await contexts.page(), DEMO.supervisor);
    await sue.getByRole("link", { name: "Wall" }).click();
    const visitor = await contexts.page();
    await startChat(visitor, "Lou Leaver", "I may have to run");
    await acceptOffer(ana, "Lou Leaver");

    await visitor.close();
    const header = ana.locator(".chat-header");
    await expect(header.getByText("Visitor left")).toBeVisible({ timeout: 120_000 });
    await expect(header.getByRole("heading", { name: "Lou Leaver" })).toBeVisible();
    const mine = ana.getByRole("region", { name: "My chats" });
    await expect(mine.getByRole("link", { name: /Lou Leaver.*Visitor left/ })).toBeVisible();
    const row = sue.getByRole("region", { name: "Chats" }).getByRole("row", { name: /Lou Leaver/ });
    await expect(row).toContainText("Visitor left");
    await expectNoAxeViolations(ana);
    await expectNoAxeViolations(sue);
    await ana.screenshot({ path: `${ARTIFACTS}/console-visitor-left.png` });

    await closeChat(ana);
  } finally {
    await visitorGoneSettings(admin, "10");
    restored();
  }
});
