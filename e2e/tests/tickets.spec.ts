import { expect, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, Contexts, closeMyChats, DEMO, signInAgent, startChat } from "./actors.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

// Tickets end to end (docs/tickets.md): console and widget, each in its own browser context.
test("a chat becomes a critical ticket; the visitor sees its number and target, and confirms the resolution", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
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

  // The escalation dialog gives focus back to its button when dismissed with Escape.
  const escalate = ana.getByRole("button", { name: "Escalate", exact: true });
  await escalate.click();
  await expect(ana.getByRole("dialog")).toBeVisible();
  await ana.keyboard.press("Escape");
  await expect(ana.getByRole("dialog")).toBeHidden();
  await expect(escalate).toBeFocused();

  const number = ((await heading.textContent()) ?? "").split(" · ")[0] ?? "";
  expect(number).toMatch(/^T-\d+$/);

  // The visitor's widget learns of the ticket live: its number and the first-response target.
  const myTickets = visitor.getByRole("button", { name: "My tickets" });
  await expect(myTickets).toBeVisible();
  await myTickets.click();
  const list = visitor.getByRole("region", { name: "My tickets" });
  await expect(list).toContainText(number);
  await expect(list).toContainText(/First response due by/);
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-tickets.png` });
  await list.getByRole("button", { name: new RegExp(number) }).click();
  const replies = visitor.getByRole("log", { name: "Ticket replies" });

  // A reply from the agent reaches the open ticket in the widget without a reload.
  await ana.getByLabel("Reply (the customer sees it)").fill("We found the cause and are fixing it.");
  await ana.getByRole("button", { name: "Send", exact: true }).click();
  await expect(replies).toContainText("We found the cause and are fixing it.");

  await ana.getByRole("button", { name: "Resolve" }).click();
  await expect(ana.getByRole("button", { name: "Resolve" })).toBeHidden();
  // The visitor confirms in the widget; the console shows the ticket closed.
  await visitor.getByRole("button", { name: "Yes, it's fixed" }).click();
  await expect(ana.locator(".ticket-facts").first()).toContainText("StatusClosed");
  const timeline = ana.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("created");
  await expect(timeline).toContainText("from open to resolved");
  await expect(timeline).toContainText("confirmed the resolution");
  await ana.screenshot({ path: `${ARTIFACTS}/console-ticket-closed.png` });
  await closeMyChats(ana);
});
