import { expect, type Page, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, Contexts, closeChat, DEMO, signInAgent, startChat, uniqueTag } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

async function reply(agent: Page, text: string) {
  await agent.getByLabel("Message", { exact: true }).fill(text);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(agent.getByRole("log")).toContainText(text);
}

// History (docs/console.md): a closed chat is found on the History page by a word from its messages.
test("a closed chat is found on History by a word from its messages and opens as a read-only transcript", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  // History keeps every closed chat, a repeat's too: this run's visitor and search word are its own.
  const tag = uniqueTag();
  const hugo = `Hugo History ${tag}`;
  const model = `aq${tag}`;
  await startChat(visitor, hugo, `My aquarium thermostat blinks red, model ${model}`);
  await acceptOffer(ana, hugo);
  await reply(ana, "Please unplug the heater for ten seconds");
  await closeChat(ana);
  await expect(ana.getByText("This conversation is closed.")).toBeVisible();

  // The same visitor comes back: the visitor panel of the new chat lists the earlier one.
  await visitor.getByRole("button", { name: "Start a new chat" }).click();
  await visitor.getByLabel("Message").fill("Hello again, the heater trick worked");
  await visitor.getByRole("button", { name: "Start chat" }).click();
  await acceptOffer(ana, hugo);
  const panel = ana.getByRole("complementary", { name: "Visitor" });
  const earlier = panel.getByRole("list", { name: "Earlier chats" });
  await expect(earlier.getByRole("listitem")).toHaveCount(1);
  await expect(earlier).toContainText("My aquarium thermostat blinks red");
  await expectNoAxeViolations(ana, ".visitor");
  await closeChat(ana);
  await expect(ana.getByText("This conversation is closed.")).toBeVisible();

  // History: every closed chat, then a word search.
  await ana.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  await expect(ana.getByRole("heading", { name: "History", level: 2 })).toBeFocused();
  const results = ana.getByRole("table", { name: "Closed chats" });
  // Specs before this one closed chats too: Hugo's two are the newest, first.
  const rows = results.getByRole("row");
  await expect(rows.nth(1)).toContainText(hugo);
  await expect(rows.nth(2)).toContainText(hugo);
  await expect(rows.filter({ hasText: hugo })).toHaveCount(2);
  await expectNoAxeViolations(ana);

  await ana.getByLabel("Words in the messages").fill(`thermostat ${model}`);
  await ana.getByRole("button", { name: "Search", exact: true }).click();
  await expect(results.getByRole("row")).toHaveCount(2);
  const row = results.getByRole("row").filter({ hasText: hugo });
  await expect(row).toContainText("aquarium thermostat");
  await ana.screenshot({ path: `${ARTIFACTS}/console-history.png` });
  await expectNoAxeViolations(ana);

  // Nothing found: the empty state, which also passes axe.
  await ana.getByLabel("Words in the messages").fill("xylophone");
  await ana.keyboard.press("Enter");
  await expect(ana.getByText("No closed chats match these filters.")).toBeVisible();
  await expect(results).toBeHidden();
  await expectNoAxeViolations(ana);

  // Back to the match, and open it: the transcript, read-only.
  await ana.getByLabel("Words in the messages").fill(`thermostat ${model}`);
  await ana.keyboard.press("Enter");
  await row.getByRole("link", { name: hugo }).click();
  const transcript = ana.getByRole("log");
  await expect(transcript).toContainText(`My aquarium thermostat blinks red, model ${model}`);
  await expect(transcript).toContainText("Please unplug the heater for ten seconds");
  await expect(ana.getByText("This conversation is closed.")).toBeVisible();
  await expect(ana.getByLabel("Message", { exact: true })).toHaveCount(0);
  await expect(ana.getByRole("button", { name: "Close conversation" })).toHaveCount(0);
  // On a narrow screen (where the lists give way to the chat), a closed chat leads back to where closed chats are.
  await ana.setViewportSize({ width: 600, height: 800 });
  await ana.getByRole("link", { name: "Back to history" }).click();
  await expect(ana.getByRole("heading", { name: "History", level: 2 })).toBeVisible();
});
