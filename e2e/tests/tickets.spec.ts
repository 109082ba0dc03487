import { expect, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, Contexts, DEMO, signIn, startChat } from "./actors.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

// The console half of issue 4's end-to-end flow; the widget's ticket view comes next.
test("an agent turns a chat into a critical ticket, with what it still needs, and resolves it", async () => {
  const ana = await signIn(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Cara Critical", "Exports stop at 50% since this morning");
  await acceptOffer(ana, "Cara Critical");

  await ana.getByRole("button", { name: "Create ticket" }).click();
  // Prefilled from the chat: the subject from the visitor's first message, the environment the widget saw.
  await expect(ana.getByLabel("Subject", { exact: true })).toHaveValue("Exports stop at 50% since this morning");
  await expect(ana.getByLabel("Environment", { exact: true })).toHaveValue(/localhost/);
  await ana.getByLabel("Priority", { exact: true }).selectOption("critical");
  const stillNeeded = ana.getByRole("region", { name: "Still needed for a critical ticket:" });
  await expect(stillNeeded).toContainText("A critical ticket needs reproduction steps");
  await ana.getByLabel("Product", { exact: true }).selectOption({ label: "Acme Cloud" });
  await ana.getByLabel("Product version", { exact: true }).fill("4.2.1");
  await ana.getByLabel("Details", { exact: true }).fill("Every CSV export stops at 50%.");
  await ana.getByLabel("Reproduction steps", { exact: true }).fill("1. Open Reports\n2. Export any month as CSV");
  await expect(stillNeeded).toContainText("Nothing: the ticket has what the policy asks for.");
  await ana.getByRole("button", { name: "Create ticket" }).click();

  const heading = ana.getByRole("heading", { name: /^T-\d+ · Exports stop at 50% since this morning$/ });
  await expect(heading).toBeVisible();
  await expect(ana.getByRole("link", { name: "Chat transcript" })).toBeVisible();
  const sla = ana.getByRole("region", { name: "SLA" });
  await expect(sla).toContainText(/Running: due/);
  await ana.screenshot({ path: `${ARTIFACTS}/console-ticket.png` });

  await ana.getByRole("button", { name: "Open", exact: true }).click();
  await ana.getByRole("button", { name: "Resolve" }).click();
  await expect(ana.getByRole("button", { name: "Resolve" })).toBeHidden();
  const timeline = ana.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("created");
  await expect(timeline).toContainText("from open to resolved");
});
