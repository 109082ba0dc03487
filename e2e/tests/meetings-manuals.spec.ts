import { expect, test } from "@playwright/test";
import {
  ARTIFACTS,
  adminPage,
  Contexts,
  closeSupportForTwoDays,
  DEMO,
  openWidget,
  restoreSiteLeftChanged,
  signIn,
} from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";
import { mailsTo } from "./mailbox.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());
test.afterEach(({ browser }) => restoreSiteLeftChanged(browser));

// Manuals before tickets, then a web conference on the ticket the request became.
test("a visitor opens a suggested manual article while writing a request; its ticket gets a web conference they book in the widget", async () => {
  const run = Date.now().toString(36);
  const title = `Exporting reports to CSV ${run}`;
  const admin = await signIn(await contexts.page({ timezoneId: "Europe/London" }), DEMO.admin);

  // The admin lists a manual article.
  await adminPage(admin, "Admin");
  const manuals = admin.getByRole("region", { name: "Manual articles" });
  await manuals.getByRole("button", { name: "Add article" }).click();
  await manuals.getByLabel("Title").last().fill(title);
  await manuals.getByLabel("Link").last().fill(`https://docs.example.test/export-${run}`);
  await manuals.getByLabel("Keywords").last().fill(`csv, export ${run}`);
  await manuals.getByRole("button", { name: "Save articles" }).click();
  await expect(manuals.getByText("Manual articles saved.")).toBeVisible();
  await expectNoAxeViolations(admin, 'section[aria-labelledby="admin-manuals"]');

  const reopen = await closeSupportForTwoDays(admin);
  try {
    // The visitor, in New York, writes a request and is offered the article before sending.
    const visitor = await contexts.page({ timezoneId: "America/New_York" });
    await visitor
      .context()
      .route("https://docs.example.test/**", (route) =>
        route.fulfill({ contentType: "text/html", body: "<title>Manual</title><h1>Exporting</h1>" }),
      );
    await visitor.goto("/");
    await openWidget(visitor);
    await expect(visitor.getByRole("heading", { name: "Support is closed" })).toBeVisible();
    await visitor.getByLabel("Name").fill("Mina Manual");
    const email = `mina-${run}@example.test`;
    await visitor.getByLabel("Email").fill(email);
    await visitor.getByLabel("Details").fill(`The export ${run} stops halfway`);
    const suggestion = visitor.getByRole("link", { name: `${title} (opens in a new tab)` });
    await expect(suggestion).toBeVisible();
    await expect(suggestion).toHaveAttribute("target", "_blank");
    await expect(suggestion).toHaveAttribute("rel", "noopener noreferrer");
    await expectNoAxeViolations(visitor, "parley-chat");
    const [manualTab] = await Promise.all([visitor.context().waitForEvent("page"), suggestion.click()]);
    await expect(manualTab.getByRole("heading", { name: "Exporting" })).toBeVisible();
    await manualTab.close();
    await expect(visitor.getByText("· Opened")).toBeVisible();
    await visitor.screenshot({ path: `${ARTIFACTS}/widget-manual-suggestion.png` });
    await visitor.getByRole("button", { name: "Send request" }).click();
    const ack = visitor.getByRole("status").filter({ hasText: "Your reference is" });
    await expect(ack).toBeVisible();
    const reference = (await ack.textContent())?.match(/REQ-[0-9A-Z]{6}/)?.[0] ?? "";
    expect(reference).toMatch(/^REQ-/);

    // The agent sees which article the visitor opened, and makes a ticket of the request.
    await adminPage(admin, "Offline requests");
    const row = admin
      .getByRole("region", { name: "Offline requests" })
      .getByRole("row", { name: new RegExp(reference) });
    await expect(row).toContainText(`Opened before writing: ${title}`);
    await row.getByRole("button", { name: `Create ticket from ${reference}` }).click();
    await admin.getByRole("button", { name: "Create ticket" }).click();
    const heading = admin.getByRole("heading", { name: /^T-\d+ · / });
    await expect(heading).toBeVisible();
    await expect(admin.getByRole("region", { name: "Timeline" })).toContainText(
      `the request came after opening the manual: “${title}”`,
    );

    // A web conference four days out (past the closed days), 10:00 in London; the customer's zone is the one their
    // browser reported with the request.
    const meeting = admin.getByRole("region", { name: "Web conference" });
    await expect(meeting.getByLabel("Customer's time zone")).toHaveValue("America/New_York");
    const day = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    await meeting.getByLabel("Start of time 1").fill(`${day}T10:00`);
    await expect(meeting).toContainText("For the customer:");
    await expect(meeting).toContainText("05:00");
    await meeting.getByLabel("Meeting link").fill("not a link");
    await meeting.getByRole("button", { name: "Propose meeting" }).click();
    await expect(meeting.getByRole("alert")).toContainText("Meeting link");
    await meeting.getByLabel("Meeting link").fill("https://global.gotomeeting.example/join/123456789");
    await meeting.getByRole("button", { name: "Propose meeting" }).click();
    await expect(meeting).toContainText("Proposed, waiting for the customer");
    await expect(meeting).toContainText("(America/New_York)");
    await expectNoAxeViolations(admin, 'section[aria-labelledby="ticket-meeting-heading"]');
    await admin.screenshot({ path: `${ARTIFACTS}/console-meeting-proposed.png` });

    // The customer picks the time in the widget's ticket view, in their own zone.
    await visitor.getByRole("button", { name: "My tickets" }).click();
    const number = ((await heading.textContent()) ?? "").split(" · ")[0] ?? "";
    await visitor
      .getByRole("region", { name: "My tickets" })
      .getByRole("button", { name: new RegExp(number) })
      .click();
    await expect(visitor.getByRole("heading", { name: "Web conference" })).toBeVisible();
    const accept = visitor.getByRole("button", { name: /^Accept .*05:00/ });
    await expect(accept).toBeVisible();
    await expectNoAxeViolations(visitor, "parley-chat");
    await accept.click();
    await expect(visitor.getByText(/^Web conference booked for .*05:00/)).toBeVisible();
    const join = visitor.getByRole("link", { name: "Join the meeting" });
    await expect(join).toHaveAttribute("href", "https://global.gotomeeting.example/join/123456789");
    await expect(join).toHaveAttribute("rel", "noopener noreferrer");
    await expectNoAxeViolations(visitor, "parley-chat");
    await visitor.screenshot({ path: `${ARTIFACTS}/widget-meeting-booked.png` });

    // The console shows it accepted, on the panel and the timeline; both sides were emailed the invite.
    await expect(meeting).toContainText("Accepted");
    await expect(meeting).toContainText("Chosen:");
    await expect(admin.getByRole("region", { name: "Timeline" })).toContainText("accepted the web conference");
    // Writing a reply on the ticket suggests the article too; opening it from there goes on the ticket's timeline.
    await visitor.getByLabel("Your reply").fill(`Still the csv export ${run}`);
    const fromReply = visitor.getByRole("link", { name: `${title} (opens in a new tab)` });
    await expect(fromReply).toBeVisible();
    await expectNoAxeViolations(visitor, "parley-chat");
    const [again] = await Promise.all([visitor.context().waitForEvent("page"), fromReply.click()]);
    await again.close();
    // Not pushed to open consoles (it changes nothing about the ticket itself): the agent sees it on the next read.
    await expect
      .poll(async () => {
        await admin.reload();
        return admin.getByRole("region", { name: "Timeline" }).textContent();
      })
      .toContain(`opened the manual article “${title}”`);
    await expect(admin.getByRole("region", { name: "Timeline" })).toContainText(`opened the manual article “${title}”`);
    await expect
      .poll(async () => (await mailsTo(email)).map((m) => m.subject.replace(/^\[T-\d+\] /, "").split(" — ")[0]))
      .toEqual(expect.arrayContaining(["Web conference proposed", expect.stringMatching(/^Web conference booked/)]));
  } finally {
    await reopen();
  }
});
