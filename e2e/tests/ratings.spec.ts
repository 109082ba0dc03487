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
import { expectNoAxeViolations } from "./axe.ts";
import { waitForMail } from "./mailbox.ts";

// Ratings and transcripts: once the agent closes the chat, the visitor rates it and asks for its
// transcript by email; the agent sees the rating come in.
let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

test("the visitor rates a closed chat with a comment and gets its transcript; the agent sees the rating", async () => {
  const ana = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  // A visitor and an address of this run's own: History and the mailbox keep a repeat's too.
  const tag = uniqueTag();
  const rita = `Rita Rater ${tag}`;
  const address = `rita.rater-${tag}@example.test`;
  await startChat(visitor, rita, "Hi, my <b>invoice</b> is wrong");
  await acceptOffer(ana, rita);
  await ana.getByLabel("Message").fill("Fixed it, it is correct now.");
  await ana.getByRole("button", { name: "Send" }).click();
  await expect(visitor.getByRole("log")).toContainText("Fixed it, it is correct now.");
  await closeChat(ana);
  // Not rated yet: the console says so under the transcript.
  await expect(ana.getByText("The visitor has not rated this chat.")).toBeVisible();

  // The visitor is offered a rating once the chat ends.
  const rate = visitor.getByRole("region", { name: "How was this chat?" });
  await expect(rate).toBeVisible();
  const good = rate.getByRole("button", { name: "Good" });
  const bad = rate.getByRole("button", { name: "Bad" });
  await expect(good).toHaveAttribute("aria-pressed", "false");
  await good.click();
  await expect(good).toHaveAttribute("aria-pressed", "true");
  await expect(bad).toHaveAttribute("aria-pressed", "false");
  await rate.getByLabel("Anything to add? (optional)").fill("Quick & <i>kind</i>, thanks");
  await expect(rate.getByText("You can rate a chat once")).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-rating.png` });
  await rate.getByRole("button", { name: "Send rating" }).click();
  await expect(rate.getByText("Thank you! You rated this chat Good.")).toBeVisible();
  await expect(rate.getByText("Quick & <i>kind</i>, thanks")).toBeVisible();

  // The transcript, to an address the visitor types.
  await rate.getByLabel("Email address").fill(address);
  await rate.getByRole("button", { name: "Email transcript" }).click();
  await expect(rate.getByText(`The transcript is on its way to ${address}.`)).toBeVisible();
  await expectNoAxeViolations(visitor);

  const mail = await waitForMail(address);
  expect(mail.text).toContain(`${rita}: Hi, my <b>invoice</b> is wrong`);
  expect(mail.text).toContain("Ana Agent: Fixed it, it is correct now.");
  expect(mail.text).not.toContain("Closed as:");
  expect(mail.html).toContain("Hi, my &lt;b&gt;invoice&lt;/b&gt; is wrong");
  expect(mail.html).not.toContain("<b>invoice");

  // The agent, who still has the chat open, sees the rating arrive; it is stored, so a reload shows it too.
  const rating = ana.locator(".chat-rating");
  await expect(rating).toContainText(/Visitor's rating: .*Good/);
  await expect(rating).toContainText("Quick & <i>kind</i>, thanks");
  await expectNoAxeViolations(ana);
  await ana.screenshot({ path: `${ARTIFACTS}/console-chat-rating.png` });
  await ana.reload();
  await expect(ana.locator(".chat-rating")).toContainText(/Visitor's rating: .*Good/);
  // The History list has a Rating column.
  await ana.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  const row = ana.getByRole("row").filter({ hasText: rita });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: "Good", exact: true })).toBeVisible();

  // The widget (its panel stays open across a reload) remembers it was rated and sent.
  await visitor.reload();
  await expect(visitor.getByRole("log")).toContainText("Ana Agent closed the chat");
  const after = visitor.getByRole("region", { name: "How was this chat?" });
  await expect(after.getByText("Thank you! You rated this chat Good.")).toBeVisible();
  await expect(after.getByText("The transcript of this chat was sent.")).toBeVisible();
});

test("supervisors see CSAT on the Figures page", async () => {
  const sue = await signIn(await contexts.page(), DEMO.supervisor);
  await sue.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Figures" }).click();
  await expect(sue.getByRole("heading", { name: "Satisfaction", exact: true })).toBeVisible();
  await expect(sue.getByText("CSAT (rated good)")).toBeVisible();
  const perDay = sue.getByRole("region", { name: "Satisfaction per day" });
  await expect(perDay.getByRole("columnheader", { name: "CSAT" })).toBeVisible();
  await expectNoAxeViolations(sue);
});
