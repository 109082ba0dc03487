import { expect, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  Contexts,
  closeChat,
  closeSupportForTwoDays,
  DEMO,
  openWidget,
  restoreSiteLeftChanged,
  signIn,
  signInAgent,
  uniqueTag,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";
import { mailsTo, waitForMail } from "./mailbox.ts";

// Always reachable (docs/embedding.md): with nobody online during support hours the visitor still starts a chat, is
// told honestly what to expect, and the chat rings for the first agent who signs in. A reply once the visitor has left
// reaches them by email, and the email's link reopens the chat. Runs inside the demo site's hours, like every chat
// spec; each test closes the chats it opened.

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
test.afterEach(({ browser }) => restoreSiteLeftChanged(browser));

test("with nobody online a visitor starts a chat, sees what to expect, and an agent who signs in gets it", async () => {
  const visitor = await contexts.page();
  await visitor.goto("/");
  await openWidget(visitor);
  const widget = visitor.locator("parley-chat");
  await expect(widget.getByText(/^No one is online right now\. Start the chat/)).toBeVisible();
  await expectNoAxeViolations(visitor, "parley-chat");

  await visitor.getByLabel("Name").fill("Nora Nobody");
  await visitor.getByLabel("Email").fill("nora@example.test");
  await visitor.getByLabel("Message").fill("Is anyone there?");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await expect(visitor.getByRole("log")).toContainText("Is anyone there?");
  await expect(
    widget.getByRole("status").filter({ hasText: "No one is online right now. We'll reply here and by email" }),
  ).toBeVisible();
  await expectNoAxeViolations(visitor, "parley-chat");
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-nobody-online.png` });

  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  await acceptOffer(agent, "Nora Nobody");
  await agent.getByLabel("Message").fill("Hi Nora, I'm here now");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("log")).toContainText("Hi Nora, I'm here now");
  await expect(widget.getByRole("status").filter({ hasText: /You're chatting with/ })).toBeVisible();
  await closeChat(agent);
});

test("a reply to a visitor who left reaches them by email, and its link reopens the chat", async ({ browser }) => {
  // An address of this run's own: the mailbox keeps a repeat's emails, and the first one found must be this chat's.
  const lena = `lena-${uniqueTag()}@example.test`;
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const leaving = await browser.newContext();
  const visitorContext = await leaving.newPage();
  await visitorContext.goto("/");
  await openWidget(visitorContext);
  await visitorContext.getByLabel("Name").fill("Lena Left");
  await visitorContext.getByLabel("Email").fill(lena);
  await visitorContext.getByLabel("Message").fill("I have to run, reply later please");
  await visitorContext.getByRole("button", { name: "Start chat" }).click();
  await expect(visitorContext.getByRole("log")).toContainText("I have to run");
  await acceptOffer(agent, "Lena Left");

  // The visitor closes the page; the agent answers. The console does not show a mere disconnect (only "Visitor
  // left", minutes later), so a reply that beat the server's noticing is followed by another until one is emailed:
  // a reply stored while the visitor was still connected is, rightly, not emailed.
  await leaving.close();
  let sent = 0;
  await expect(async () => {
    sent++;
    await agent.getByLabel("Message").fill(`Here is your answer, Lena (${sent})`);
    await agent.getByRole("button", { name: "Send" }).click();
    expect((await mailsTo(lena)).length).toBe(1);
  }).toPass({ intervals: [1_000, 2_000], timeout: 15_000 });

  const mail = await waitForMail(lena);
  expect(mail.text).toContain("Here is your answer, Lena (");
  const link = /https?:\/\/\S+#parley=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  // Another browser (no stored visitor): the link alone brings the chat back.
  const elsewhere = await contexts.page();
  await elsewhere.goto(link as string);
  await expect(elsewhere.getByRole("log")).toContainText(`Here is your answer, Lena (${sent})`);
  await expect(elsewhere.getByRole("log")).toContainText("I have to run, reply later please");
  expect(new URL(elsewhere.url()).hash).toBe("");
  await expectNoAxeViolations(elsewhere, "parley-chat");
  await elsewhere.getByLabel("Message").fill("Thanks, got it");
  await elsewhere.getByLabel("Message").press("Enter");
  await expect(agent.getByRole("log")).toContainText("Thanks, got it");
  await closeChat(agent);
});

test("outside support hours a visitor leaves a message in the chat, and the console marks it 'Left after hours'", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const reopen = await closeSupportForTwoDays(admin);
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  try {
    const visitor = await contexts.page();
    await visitor.goto("/");
    await openWidget(visitor);
    await visitor.getByRole("button", { name: "leave a message in the chat" }).click();
    await visitor.getByLabel("Name").fill("Lena Later");
    await visitor.getByLabel("Message").fill("Please call me back when you open");
    await visitor.getByRole("button", { name: "Start chat" }).click();
    await expect(visitor.getByRole("log")).toContainText("Please call me back when you open");

    // Marked so the agent knows the visitor is not there live (routing does not check hours: it rings as well).
    const waiting = agent.getByRole("region", { name: "Waiting" });
    await expect(waiting.getByRole("link").filter({ hasText: "Lena Later" })).toContainText("Left after hours");
    await expectNoAxeViolations(agent);
  } finally {
    await reopen();
  }
  // The agent takes it, the chat header keeps the mark, and closes it (the specs after need the agent's slots).
  await acceptOffer(agent, "Lena Later");
  await expect(agent.getByText("Left after hours", { exact: true })).toBeVisible();
  await closeChat(agent);
});
