import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifyParleyWebhook } from "../../server/src/webhooks/verify-snippet.mjs";
import { ARTIFACTS, adminPage, Contexts, DEMO, signIn } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

/** A customer's webhook receiver on the loopback (the demo server runs in development, where that is allowed). */
async function receiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/parley-hooks`, received, close: () => server.close() };
}

test("an admin adds a webhook endpoint, copies its secret, sends a test event and sees it in the log", async () => {
  const hooks = await receiver();
  try {
    const ada = await signIn(await contexts.page(), DEMO.admin);
    await adminPage(ada, "Admin");
    const section = ada.getByRole("region", { name: "Webhooks" });
    await section.getByLabel("Endpoint URL").fill(hooks.url);
    await section.getByLabel("Description (optional)").fill("Our CRM");
    // Only one event, to keep the other specs' chats from going to this receiver.
    const events = section.getByRole("group", { name: "Events" });
    for (const box of await events.getByRole("checkbox").all()) await box.uncheck();
    await events.getByRole("checkbox", { name: "ticket.escalated" }).check();
    await section.getByRole("button", { name: "Add endpoint" }).click();

    // The secret, shown this once.
    const secretBox = section.getByLabel("Signing secret");
    await expect(secretBox).toHaveValue(/^whsec_/);
    const secret = await secretBox.inputValue();
    await expectNoAxeViolations(ada, "#main");
    await section.getByRole("button", { name: "I have copied the secret" }).click();
    await expect(secretBox).toHaveCount(0);

    await section.getByRole("button", { name: `Send a test event to ${hooks.url}` }).click();
    await expect(section.getByRole("status").filter({ hasText: "Test event delivered" })).toBeVisible();
    const log = section.getByRole("table", { name: `Deliveries to ${hooks.url}` });
    const row = log.getByRole("row").filter({ hasText: "webhook.ping" });
    await expect(row).toContainText("Delivered");
    await expect(row).toContainText("HTTP 204");
    await expectNoAxeViolations(ada, "#main");
    await section.screenshot({ path: `${ARTIFACTS}/admin-webhooks-log.png` });

    // The receiver got it, and the snippet of docs/api.md verifies it with the secret the page showed.
    expect(hooks.received).toHaveLength(1);
    const [request] = hooks.received;
    expect(verifyParleyWebhook(secret, request?.headers ?? {}, request?.body ?? "")).toMatchObject({
      type: "webhook.ping",
    });

    await section.getByRole("button", { name: `Redeliver webhook.ping` }).first().click();
    await expect.poll(() => hooks.received.length).toBe(2);

    // Leave no endpoint behind for the other specs.
    await section.getByRole("button", { name: `Delete ${hooks.url}…` }).click();
    await section.getByRole("button", { name: "Delete now" }).click();
    await expect(section.getByText("No webhook endpoints yet.")).toBeVisible();
  } finally {
    hooks.close();
  }
});
