import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createTransport } from "nodemailer";
import { inboundPort, supportAddress } from "../playwright.config.ts";
import { Contexts, DEMO, signIn } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

// Tickets by email (docs/tickets.md): an email to the support address from someone who is no customer's contact becomes
// a ticket that the console marks as from email and from an unverified sender.
test("an email from an unknown sender becomes a ticket marked as from email, unverified sender", async () => {
  const subject = `Invoice export broken ${randomBytes(3).toString("hex")}`;
  const transport = createTransport({ host: "127.0.0.1", port: inboundPort, secure: false, ignoreTLS: true });
  await transport.sendMail({
    from: "Sam Stranger <sam@unknown.example>",
    to: supportAddress,
    subject: `[High] ${subject}`,
    text: "The invoice export stops with an error.",
  });
  transport.close();

  const ana = await signIn(await contexts.page(), DEMO.agent);
  await ana.goto("/console/tickets");
  await ana.getByLabel("Search tickets").fill(subject);
  await ana.getByRole("button", { name: "Search", exact: true }).click();
  const row = ana.getByRole("row", { name: new RegExp(subject) });
  await expect(row).toContainText("Unverified sender");
  await row.getByRole("link").click();

  await expect(ana.getByRole("heading", { name: new RegExp(`^T-\\d+ · ${subject}$`) })).toBeVisible();
  const facts = ana.locator(".ticket-facts").first();
  await expect(facts.getByRole("definition").filter({ hasText: /^Email$/ })).toBeVisible();
  await expect(facts).toContainText("Came in by");
  await expect(facts).toContainText("Sam Stranger (sam@unknown.example)");
  await expect(ana.getByText("Unverified sender", { exact: true })).toBeVisible();
  await expect(facts).toContainText("High");
  await expectNoAxeViolations(ana);
});
