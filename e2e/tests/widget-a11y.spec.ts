import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { acceptOffer, Contexts, closeChat, closeMyChats, DEMO, openWidget, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// The widget passes axe in every state a visitor reaches quickly, on the demo page it is embedded in.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

/**
 * WCAG A/AA (expectNoAxeViolations) and axe's best practices too: the landmark rules the widget broke
 * (`landmark-no-duplicate-banner`, `landmark-unique`, from its <header> beside the host page's) are best
 * practices, outside the WCAG tags.
 */
async function expectWidgetAccessible(page: Page) {
  await expectNoAxeViolations(page);
  const { violations } = await new AxeBuilder({ page }).withTags(["best-practice"]).analyze();
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, "axe best-practice violations").toEqual([]);
}

// Inside support hours with nobody online the widget offers the chat, saying so (always reachable); the
// request form outside hours is checked with axe in routing.spec.ts.
test("with nobody online, the widget's chat form and its notice pass axe", async () => {
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  await expect(visitor.getByText(/No one is online right now/)).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Start chat" })).toBeVisible();
  await expectWidgetAccessible(visitor);
});

test("the start form, the chat and the ended chat pass axe", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  await expect(visitor.getByRole("button", { name: "Start chat" })).toBeVisible();
  await expectWidgetAccessible(visitor);

  // startChat's steps, on the page already open.
  await visitor.getByLabel("Name").fill("Axel Audit");
  await visitor.getByLabel("Message").fill("Is this widget accessible?");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await expect(visitor.getByRole("log")).toContainText("Is this widget accessible?");
  // Waiting in the queue, before an agent answers.
  await expectWidgetAccessible(visitor);
  await acceptOffer(ana, "Axel Audit");
  await ana.getByLabel("Message").fill("It should be.");
  await ana.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("log")).toContainText("It should be.");
  await expectWidgetAccessible(visitor);

  await closeChat(ana);
  await expect(visitor.getByRole("button", { name: "Start a new chat" })).toBeVisible();
  await expectWidgetAccessible(visitor);
});

test("the visitor's ticket list and ticket pass axe", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Tia Tickets", "The export button does nothing");
  await acceptOffer(ana, "Tia Tickets");
  await ana.getByRole("button", { name: "Create ticket" }).click();
  await ana.getByLabel("Priority", { exact: true }).selectOption("low");
  await ana.getByLabel("Product", { exact: true }).selectOption({ label: "Acme Cloud" });
  await ana.getByLabel("Details", { exact: true }).fill("Clicking Export shows nothing.");
  await ana.getByRole("button", { name: "Create ticket" }).click();
  await expect(ana.getByRole("heading", { name: /^T-\d+ · The export button does nothing$/ })).toBeVisible();

  await visitor.getByRole("button", { name: "My tickets" }).click();
  const list = visitor.getByRole("region", { name: "My tickets" });
  await expect(list).toContainText("The export button does nothing");
  await expectWidgetAccessible(visitor);
  await list.getByRole("button", { name: /T-\d+/ }).first().click();
  await expect(visitor.getByRole("log", { name: "Ticket replies" })).toBeVisible();
  await expectWidgetAccessible(visitor);
  await closeMyChats(ana);
});

test("inputs are 16px on a phone, so iOS does not zoom in when one gets focus", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const visitor = await phone.newPage();
    await visitor.goto("/");
    await openWidget(visitor);
    // Nobody is online here, inside support hours: the chat form, with inputs and a textarea.
    await expect(visitor.getByRole("button", { name: "Start chat" })).toBeVisible();
    const sizes = await visitor
      .locator("input, textarea, select")
      .evaluateAll((els) => els.map((el) => getComputedStyle(el).fontSize));
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set(["16px"]));
  } finally {
    await phone.close();
  }
});
