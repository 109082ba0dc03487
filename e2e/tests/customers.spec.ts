import { expect, test } from "@playwright/test";
import { acceptOffer, Contexts, closeChat, DEMO, openWidget, signIn, signInAgent, uniqueTag } from "./actors.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test("an admin adds a customer; a ticket from its contact's chat shows the customer and free support", async () => {
  // A customer and contact of this run's own: a contact's address names one customer, and a repeat adds another.
  const tag = uniqueTag();
  const customer = `Initech ${tag}`;
  const contact = { name: `Peter Gibbons ${tag}`, email: `peter-${tag}@initech.example` };
  const ada = await signIn(await contexts.page(), DEMO.admin);
  await ada.getByRole("link", { name: "Admin" }).click();
  const customers = ada.getByRole("region", { name: "Customers" });
  const add = customers.getByRole("button", { name: "Add customer" });
  await add.click();
  const form = ada.getByRole("form", { name: "New customer" });
  await form.getByLabel("Customer name").fill(customer);
  // A new customer starts with one empty contact row.
  await form.getByLabel("Contact 1 name").fill(contact.name);
  await form.getByLabel("Contact 1 email").fill(contact.email);
  await form.getByRole("button", { name: "Add product" }).click();
  await form.getByLabel("Product 1", { exact: true }).selectOption({ label: "Acme Cloud" });
  await form.getByLabel("Product 1 final release").fill(daysAgo(10));
  await form.getByRole("button", { name: "Save customer" }).click();
  await expect(customers).toContainText(customer);
  // Saved: the editor closes and focus returns to the Add button.
  await expect(add).toBeFocused();

  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  await visitor.getByLabel("Name").fill(contact.name);
  await visitor.getByLabel("Email").fill(contact.email);
  await visitor.getByLabel("Message").fill("The cover sheets are missing from the export");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await acceptOffer(ana, contact.name);

  await ana.getByRole("button", { name: "Create ticket" }).click();
  await ana.getByLabel("Priority", { exact: true }).selectOption("low");
  await ana.getByLabel("Product", { exact: true }).selectOption({ label: "Acme Cloud" });
  await ana.getByLabel("Details", { exact: true }).fill("Exports lose their cover sheet.");
  await ana.getByRole("button", { name: "Create ticket" }).click();
  const facts = ana.locator(".ticket-facts").first();
  await expect(facts).toContainText(customer);
  await expect(facts).toContainText("Free support until");
  await expect(facts).not.toContainText("Flagged");

  // Ana's chat is closed so the next test finds her with free slots.
  await ana.getByRole("link", { name: "Chat transcript" }).click();
  await closeChat(ana);
});
