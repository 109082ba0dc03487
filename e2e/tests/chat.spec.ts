import { expect, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, Contexts, closeChat, DEMO, openWidget, signInAgent } from "./actors.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

test("a visitor chats with an agent, and the history survives a reload and a page change", async () => {
  const info = test.info();
  // A new chat needs an agent online: the console comes first.
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  await visitor.getByLabel("Name").fill("Vera Visitor");
  await visitor.getByLabel("Email").fill("vera@example.test");
  await visitor.getByLabel("Message").fill("Hello, my invoice is wrong");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  const visitorLog = visitor.getByRole("log");
  await expect(visitorLog).toContainText("Hello, my invoice is wrong");
  await expect(visitor.getByRole("status").filter({ hasText: /in the queue/i })).toBeVisible();

  await acceptOffer(agent, "Vera Visitor");
  const agentLog = agent.getByRole("log");
  await expect(agentLog).toContainText("Hello, my invoice is wrong");
  await expect(agent.getByRole("complementary")).toContainText("vera@example.test");
  await expect(agent.getByRole("complementary")).toContainText(`localhost`);

  await agent.getByLabel("Message").fill("Hi Vera, let me check that for you.");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(visitorLog).toContainText("Hi Vera, let me check that for you.");
  await expect(visitor.getByRole("status").filter({ hasText: "Ana Agent" })).toBeVisible();

  // Enter sends, Shift+Enter makes a new line.
  const composer = visitor.getByLabel("Message");
  await composer.fill("Line one");
  await composer.press("Shift+Enter");
  await composer.pressSequentially("line two");
  await composer.press("Enter");
  await expect(agentLog).toContainText("Line one");
  await expect(agentLog).toContainText("line two");

  // Markup typed by a visitor is shown as text, never interpreted.
  await composer.fill('<img src=x onerror="window.__pwned=1"><b>bold?</b>');
  await composer.press("Enter");
  await expect(agentLog).toContainText('<img src=x onerror="window.__pwned=1"><b>bold?</b>');
  expect(await agentLog.locator("img, b").count()).toBe(0);
  expect(await agent.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  await visitor.screenshot({ path: `${ARTIFACTS}/widget.png` });
  await agent.screenshot({ path: `${ARTIFACTS}/console.png` });
  await info.attach("widget", { path: `${ARTIFACTS}/widget.png`, contentType: "image/png" });
  await info.attach("console", { path: `${ARTIFACTS}/console.png`, contentType: "image/png" });

  await visitor.reload();
  await expect(visitor.getByRole("log")).toBeVisible();
  for (const text of ["Hello, my invoice is wrong", "Hi Vera, let me check that for you.", "bold?"]) {
    await expect(visitor.getByRole("log")).toContainText(text);
  }

  await visitor.goto("/pricing");
  await expect(visitor.getByRole("log")).toContainText("Hi Vera, let me check that for you.");
  await visitor.getByLabel("Message").fill("Still me, from the pricing page");
  await visitor.getByLabel("Message").press("Enter");
  await expect(agentLog).toContainText("Still me, from the pricing page");
  await closeChat(agent);
});

test("a message whose send was cut off is resent after a reload, once", async () => {
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  // Sits between the widget and the server, and can swallow chat sends to simulate a dead link.
  let swallowSends = false;
  await visitor.routeWebSocket(/socket\.io/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((msg) => {
      if (swallowSends && String(msg).includes('"message:send"')) return;
      server.send(msg);
    });
    server.onMessage((msg) => ws.send(msg));
  });

  await visitor.goto("/");
  await openWidget(visitor);
  await visitor.getByLabel("Name").fill("Otto Outbox");
  await visitor.getByLabel("Message").fill("First message");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await expect(visitor.getByRole("log")).toContainText("First message");

  await acceptOffer(agent, "Otto Outbox");
  await expect(agent.getByRole("log")).toContainText("First message");

  swallowSends = true;
  await visitor.getByLabel("Message").fill("Did this get lost?");
  await visitor.getByLabel("Message").press("Enter");
  await expect(visitor.getByRole("log")).toContainText("Did this get lost?");
  await expect(agent.getByRole("log")).not.toContainText("Did this get lost?");

  swallowSends = false;
  await visitor.reload();
  await expect(agent.getByRole("log")).toContainText("Did this get lost?");
  await expect(agent.getByRole("log").getByText("Did this get lost?")).toHaveCount(1);
  await expect(visitor.getByRole("log").getByText("Did this get lost?")).toHaveCount(1);
  await closeChat(agent);
});
