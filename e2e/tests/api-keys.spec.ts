import { expect, type Page, test } from "@playwright/test";
import { baseURL } from "../playwright.config.ts";
import { acceptOffer, Contexts, closeChat, DEMO, signIn, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

/** What a customer's script does: plain fetch from Node with the key, no browser involved. */
async function api<T = Record<string, unknown>>(key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data: T; error?: { code: string } } };
}

const ticketFields = {
  subject: "API keys e2e: export stalls",
  priority: "low",
  product: null,
  productVersion: "",
  thirdPartyVersions: "",
  details: "Exports stall at 50%",
  reproductionSteps: "",
  environment: "",
  mostRecentUpdate: "",
  changedSinceLastWorked: "",
  reproducedOnTestSystem: "unknown",
};

async function keysSection(admin: Page) {
  await admin.getByRole("link", { name: "Admin" }).click();
  return admin.getByRole("region", { name: "API keys" });
}

test("an admin makes an API key, a script reads a ticket with it, and revoking it shuts the script out", async () => {
  const name = `Reporting ${Date.now().toString(36)}`;
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Ines Integration", "The export stalls halfway");
  await acceptOffer(ana, "Ines Integration");

  const admin = await signIn(await contexts.page({ permissions: ["clipboard-read", "clipboard-write"] }), DEMO.admin);
  const section = await keysSection(admin);
  await section.getByLabel("Key name").fill(name);
  await section.getByLabel("Acts as").selectOption({ label: "Ana Agent (Agent)" });
  await section.getByLabel("Conversations").selectOption({ label: "Read" });
  await section.getByLabel("Tickets").selectOption({ label: "Read and write" });
  await section.getByRole("button", { name: "Create API key" }).click();

  // Shown once, as text to copy: the field holds the secret, and the copy button puts it on the clipboard.
  const secretField = section.getByLabel(`New key “${name}”`);
  await expect(secretField).toBeFocused();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^prk_[a-f0-9]{12}_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(admin, "section[aria-labelledby=admin-api-keys]");
  await section.getByRole("button", { name: "Copy key" }).click();
  await expect(section.getByRole("status")).toHaveText("Key copied.");
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await section.getByRole("button", { name: "I have copied it" }).click();
  await expect(secretField).toHaveCount(0);
  const row = section.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${secret.slice(0, 16)}_…`);
  await expect(row).toContainText("Conversations: read; Tickets: read and write");
  await expect(row).toContainText("Ana Agent");
  await expect(row).toContainText("Active");
  // Nowhere on the page any more, nor after a reload.
  await expect(admin.locator("body")).not.toContainText(secret.slice(17));
  await admin.reload();
  await expect((await keysSection(admin)).getByRole("row").filter({ hasText: name })).toBeVisible();
  expect(await admin.content()).not.toContain(secret.slice(17));

  // The script: Ana's chat from her inbox, a ticket made of it, then that ticket read back.
  const inbox = await api<{ mine: { id: string; visitorName: string }[] }>(secret, "GET", "/conversations");
  expect(inbox.status).toBe(200);
  const chat = inbox.body.data.mine.find((c) => c.visitorName === "Ines Integration");
  expect(chat).toBeDefined();
  const made = await api<{ ticket: { id: string } }>(secret, "POST", "/tickets", {
    source: { kind: "chat", conversationId: chat?.id },
    fields: ticketFields,
  });
  expect(made.status).toBe(201);
  const ticketId = made.body.data.ticket.id;
  const read = await api<{ ticket: unknown }>(secret, "GET", `/tickets/${ticketId}`);
  expect(read.status).toBe(200);
  expect(read.body.data.ticket).toMatchObject({ id: ticketId, subject: ticketFields.subject });
  // Its scopes hold: no customers access was given.
  expect((await api(secret, "GET", "/customers")).status).toBe(403);

  const keys = await keysSection(admin);
  const listed = keys.getByRole("row").filter({ hasText: name });
  await listed.getByRole("button", { name: `Revoke ${name}` }).click();
  await expectNoAxeViolations(admin, "section[aria-labelledby=admin-api-keys]");
  await listed.getByRole("button", { name: `Revoke ${name} now` }).click();
  await expect(listed).toContainText("Revoked");
  await expect(keys.getByRole("status")).toContainText(`Revoked ${name}.`);

  const after = await api(secret, "GET", `/tickets/${ticketId}`);
  expect(after.status).toBe(401);
  expect(after.body.error?.code).toBe("UNAUTHENTICATED");

  // Ana's chat is closed so the next spec finds her with free slots.
  await closeChat(ana);
});
