import { expect, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  addAgent,
  adminPage,
  Contexts,
  closeChat,
  closeSupportForTwoDays,
  DEMO,
  openWidget,
  restoreSiteLeftChanged,
  signIn,
  signInAgent,
  startChat,
  uniqueTag,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// These tests change the demo site's team and hours; each undoes its change, so any test may run alone or first.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
test.afterEach(({ browser }) => restoreSiteLeftChanged(browser));

test("a second visitor sees their place in the queue while the only agent is full", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);

  // An agent who can hold one chat, created on the admin page: a new one each run, so a repeat starts empty too.
  const tag = uniqueTag();
  const quinnName = `Quinn Queue ${tag}`;
  const account = { email: `quinn-${tag}@example.test`, password: "quinn-password-1" };
  await addAgent(admin, { name: quinnName, ...account, capacity: 1 });

  // Earlier tests' agents have closed their consoles: Quinn is the only one who takes chats.
  await adminPage(admin, "Team");
  const team = admin.getByRole("region", { name: "Team" });
  await expect(team.getByRole("row", { name: /Ana Agent/ })).toContainText("Offline");
  await expect(team.getByRole("row", { name: /Bo Agent/ })).toContainText("Offline");

  const quinn = await signInAgent(await contexts.page(), account);
  await expect(team.getByRole("row", { name: quinnName })).toContainText("Online");

  const first = await contexts.page();
  await startChat(first, "Fay First", "First in line");
  await acceptOffer(quinn, "Fay First");
  await expect(first.getByRole("status").filter({ hasText: quinnName })).toBeVisible();

  const second = await contexts.page();
  await startChat(second, "Sid Second", "Second in line");
  const place = second.getByRole("status").filter({ hasText: /in the queue/ });
  await expect(place).toContainText("You are next in the queue");
  await expect(place).toContainText(/Estimated wait/);
  await expect(team.getByRole("row", { name: quinnName })).toContainText("1 / 1");
  await second.screenshot({ path: `${ARTIFACTS}/widget-queue.png` });

  // Quinn's slot frees up: the waiting chat rings Quinn at once.
  await closeChat(quinn);
  await acceptOffer(quinn, "Sid Second");
  await expect(second.getByRole("status").filter({ hasText: quinnName })).toBeVisible();
  await expect(second.getByRole("log")).toContainText(`${quinnName} joined the chat`);
  // No chat left assigned to Quinn: the queue is empty again for the tests that come after.
  await closeChat(quinn);
});

test("an agent transfers a chat with a note: the visitor sees who took over, never the note", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const bo = await signInAgent(await contexts.page(), DEMO.agent2);

  // The visitor picks Ana's product, so the chat rings Ana although Bo is just as free.
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  await visitor.getByLabel("Name").fill("Tess Transfer");
  await visitor.getByLabel("Product").selectOption({ label: "Acme Cloud" });
  await visitor.getByLabel("Message").fill("My invoice for Acme Cloud is wrong");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await acceptOffer(ana, "Tess Transfer");

  await ana.getByRole("button", { name: "Transfer", exact: true }).click();
  const dialog = ana.getByRole("dialog", { name: /Transfer chat with Tess Transfer/ });
  await dialog.getByLabel("Transfer to").selectOption({ label: "Bo Agent (Online, 0 of 3 chats)" });
  await dialog.getByLabel("Note for the next agent").fill("Billing question; refund already approved");
  await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
  await expect(dialog).toBeHidden();

  const visitorLog = visitor.getByRole("log");
  await expect(visitorLog).toContainText("Ana Agent transferred the chat to Bo Agent");
  await expect(visitor.getByRole("status").filter({ hasText: "Bo Agent" })).toBeVisible();

  const mine = bo.getByRole("region", { name: "My chats" });
  await mine.getByRole("link", { name: /Tess Transfer/ }).click();
  const boLog = bo.getByRole("log");
  await expect(boLog).toContainText("Internal note");
  await expect(boLog).toContainText("Billing question; refund already approved");
  await bo.getByLabel("Message").fill("Hi Tess, Bo from billing here.");
  await bo.getByRole("button", { name: "Send" }).click();
  await expect(visitorLog).toContainText("Hi Tess, Bo from billing here.");

  // The note is for staff only, after a reload as well.
  await visitor.reload();
  await expect(visitor.getByRole("log")).toContainText("Hi Tess, Bo from billing here.");
  await expect(visitor.getByRole("log")).not.toContainText("refund already approved");
  await closeChat(bo);
});

test("an admin disables an agent, whose console is cut off at once", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const bo = await signIn(await contexts.page(), DEMO.agent2);
  await adminPage(admin, "Admin");
  const row = admin.getByRole("region", { name: "Agents" }).getByRole("row", { name: /Bo Agent/ });
  await row.getByRole("button", { name: "Disable Bo Agent" }).click();
  await row.getByRole("button", { name: "Confirm disable" }).click();
  try {
    await expect(row.getByRole("button", { name: "Enable Bo Agent" })).toBeVisible();

    await expect(bo.getByText("Your session has ended. Please sign in again.")).toBeVisible();
    await bo.getByLabel("Email").fill(DEMO.agent2.email);
    await bo.getByLabel("Password").fill(DEMO.agent2.password);
    await bo.getByRole("button", { name: "Sign in" }).click();
    await expect(bo.getByRole("alert")).toContainText("Email or password is incorrect");
  } finally {
    // Back on, for whatever runs next (the transfer test signs Bo in), even when a step above failed.
    await row.getByRole("button", { name: "Enable Bo Agent" }).click();
    await expect(row.getByRole("button", { name: "Disable Bo Agent" })).toBeVisible();
  }
});

test("outside support hours the widget offers the offline form, and the request reaches the console", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const reopen = await closeSupportForTwoDays(admin);
  try {
    // Someone is online, yet the site is closed: the widget says so and offers the form.
    await signInAgent(await contexts.page(), DEMO.agent);
    const visitor = await contexts.page();
    await visitor.goto("/");
    await openWidget(visitor);
    await expect(visitor.getByRole("heading", { name: "Support is closed" })).toBeVisible();
    await expect(visitor.getByText(/Support opens/)).toBeVisible();
    // Always reachable: the visitor may leave a message in the chat instead, told when it will be answered (in the site's
    // time zone, named); the request form stays one click away.
    await visitor.getByRole("button", { name: "leave a message in the chat" }).click();
    await expect(
      visitor.getByText(/^Support is closed\. Leave a message and we'll answer here when support opens .+ UTC\./),
    ).toBeVisible();
    await expectNoAxeViolations(visitor, "parley-chat");
    await visitor.getByRole("button", { name: "Send a request form instead" }).click();
    await visitor.getByLabel("Name").fill("Olga Offline");
    await visitor.getByLabel("Email").fill("olga@example.test");
    await visitor.getByLabel("Priority").selectOption("high");
    await visitor.getByLabel("Product").selectOption({ label: "Billing" });
    await visitor.getByLabel("Details").fill("Invoice <b>2041</b> charged twice");
    await visitor.getByRole("button", { name: "Send request" }).click();
    const ack = visitor.getByRole("status").filter({ hasText: "Your reference is" });
    await expect(ack).toBeVisible();
    const reference = (await ack.textContent())?.match(/REQ-[0-9A-Z]{6}/)?.[0];
    expect(reference).toBeTruthy();
    await visitor.screenshot({ path: `${ARTIFACTS}/widget-offline.png` });

    await adminPage(admin, "Offline requests");
    const requests = admin.getByRole("region", { name: "Offline requests" });
    const row = requests.getByRole("row", { name: new RegExp(reference as string) });
    await expect(row).toContainText("Olga Offline");
    await expect(row).toContainText("olga@example.test");
    await expect(row).toContainText(/high/i);
    await expect(row).toContainText("Billing");
    await expect(row).toContainText("Invoice <b>2041</b> charged twice");
    expect(await requests.locator("b").count()).toBe(0);
    await admin.screenshot({ path: `${ARTIFACTS}/console-offline-requests.png` });
  } finally {
    // Open again for whatever runs next, even when a step above failed.
    await reopen();
  }
});
