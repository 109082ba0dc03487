import { expect, test } from "@playwright/test";
import {
  ARTIFACTS,
  acceptOffer,
  Contexts,
  closeChat,
  DEMO,
  signIn,
  signInAgent,
  startChat,
  uniqueTag,
} from "./actors.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

// Supervision end to end (docs/console.md): the supervisor, the agent and the visitor each in their own browser
// context.
test("a supervisor sees a new chat on the wall, monitors it, and whispers to the agent, unseen by the visitor", async () => {
  const sue = await signIn(await contexts.page(), DEMO.supervisor);
  await sue.getByRole("link", { name: "Wall" }).click();
  const chats = sue.getByRole("region", { name: "Chats" });
  await expect(chats).toBeVisible();

  // Ana Online with a free slot, whatever earlier tests left: the chat must ring her.
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  // A name of this run's own: the wall lists every open chat, a repeat's or a failed earlier run's too.
  const walt = `Walt Wallace ${uniqueTag()}`;
  await startChat(visitor, walt, "My dashboard is empty");
  // The new chat appears on the wall without a reload.
  const row = chats.getByRole("row", { name: walt });
  await expect(row).toBeVisible();
  await acceptOffer(ana, walt);
  await expect(row).toContainText("Ana Agent");
  await sue.screenshot({ path: `${ARTIFACTS}/console-wall.png` });

  // Monitoring: the supervisor sees the visitor's messages arrive, read-only.
  await row.getByRole("link", { name: `Monitor ${walt}` }).click();
  const sueLog = sue.getByRole("log");
  await expect(sueLog).toContainText("My dashboard is empty");
  await visitor.getByLabel("Message").fill("It happened after the update");
  await visitor.getByLabel("Message").press("Enter");
  await expect(sueLog).toContainText("It happened after the update");
  await expect(sue.getByLabel("Message", { exact: true })).toHaveCount(0);

  // A whisper reaches the agent, marked as such, and never the visitor.
  await sue.getByLabel("Whisper (only staff see it)").fill("Offer them the 4.2.1 hotfix");
  await sue.getByRole("button", { name: "Whisper to Ana Agent" }).click();
  const anaLog = ana.getByRole("log");
  await expect(anaLog).toContainText("Offer them the 4.2.1 hotfix");
  const whisper = anaLog.getByRole("listitem").filter({ hasText: "Offer them the 4.2.1 hotfix" });
  await expect(whisper).toContainText("Whisper (only staff see it)");
  await ana.getByLabel("Message").fill("Have you tried the 4.2.1 hotfix?");
  await ana.getByRole("button", { name: "Send" }).click();
  const visitorLog = visitor.getByRole("log");
  await expect(visitorLog).toContainText("Have you tried the 4.2.1 hotfix?");
  await expect(visitorLog).not.toContainText("Offer them the 4.2.1 hotfix");
  // Nor after a reload, which resyncs the whole conversation.
  // The widget reopens by itself on a page with a conversation.
  await visitor.reload();
  await expect(visitor.getByRole("log")).toContainText("Have you tried the 4.2.1 hotfix?");
  await expect(visitor.getByRole("log")).not.toContainText("Offer them");
  await ana.screenshot({ path: `${ARTIFACTS}/console-whisper.png` });

  // Closed, so Ana has her slots back for the next test; the wall drops the chat.
  await closeChat(ana);
  await sue.getByRole("link", { name: "Wall" }).click();
  await expect(sue.getByRole("region", { name: "Chats" }).getByRole("row", { name: walt })).toHaveCount(0);
});
