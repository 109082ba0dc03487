import { expect, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, Contexts, closeChat, DEMO, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// Typing indicators both ways, "Seen" both ways, and an agent's draft kept across a reload.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

test("the visitor sees Seen once the agent opens the chat, and sees the agent typing; and the other way round", async () => {
  const info = test.info();
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Tess Typist", "My parcel is late");
  const visitorLog = visitor.getByRole("log");
  await expect(visitorLog).not.toContainText("Seen");

  await acceptOffer(agent, "Tess Typist");
  await expect(agent.getByRole("log")).toContainText("My parcel is late");
  // The chat is on the agent's screen: the visitor's message is read.
  await expect(visitorLog.locator(".msg-visitor").last()).toContainText("Seen");

  // The agent types: the visitor is told who, in a status line outside the transcript.
  await agent.getByLabel("Message").pressSequentially("Let me look");
  const agentTyping = visitor.getByRole("status").filter({ hasText: "Ana Agent is typing…" });
  await expect(agentTyping).toBeVisible();
  await expectNoAxeViolations(visitor, "parley-chat");
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-typing-seen.png` });
  await info.attach("widget: typing and seen", {
    path: `${ARTIFACTS}/widget-typing-seen.png`,
    contentType: "image/png",
  });

  // Sending ends the indicator; the visitor's open panel reads the reply, and the console shows it.
  await agent.getByLabel("Message").press("Enter");
  await expect(visitorLog).toContainText("Let me look");
  await expect(agentTyping).toHaveCount(0);
  await expect(agent.getByRole("log").locator(".msg--agent").last()).toContainText("Seen");

  await visitor.getByLabel("Message").pressSequentially("It was due");
  await expect(agent.getByRole("status").filter({ hasText: "Tess Typist is typing…" })).toBeVisible();
  await expectNoAxeViolations(agent, ".chat");
  await agent.screenshot({ path: `${ARTIFACTS}/console-typing-seen.png` });
  await info.attach("console: typing and seen", {
    path: `${ARTIFACTS}/console-typing-seen.png`,
    contentType: "image/png",
  });
  // Closed, so no chat of this test stays assigned to Ana and takes a slot from the tests after it.
  await closeChat(agent);
});

test("an agent's unsent reply stays with its chat across a reload", async () => {
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Dana Draft", "Can I change my address?");
  await acceptOffer(agent, "Dana Draft");

  await agent.getByLabel("Message").fill("Yes, you can change it under Account");
  await agent.reload();
  await expect(agent.getByRole("log")).toContainText("Can I change my address?");
  await expect(agent.getByLabel("Message")).toHaveValue("Yes, you can change it under Account");

  // Sent, it is no draft any more.
  await agent.getByLabel("Message").press("Enter");
  await expect(visitor.getByRole("log")).toContainText("Yes, you can change it under Account");
  await agent.reload();
  await expect(agent.getByRole("log")).toContainText("Yes, you can change it under Account");
  await expect(agent.getByLabel("Message")).toHaveValue("");
  await closeChat(agent);
});
