import { expect, type Page, test } from "@playwright/test";
import { ARTIFACTS, addAgent, Contexts, DEMO, signIn, uniqueTag } from "./actors.ts";
import { mailsTo, resetLinkIn, waitForMail } from "./mailbox.ts";

// Passwords (docs/deploying.md). Each test has an agent of its own (no chats: capacity 0), created by the admin with a
// new address, so no other test's account changes and each test may run alone, in any order, or twice.

const FIRST_PASSWORD = "pat-first-password";
const RESET_PASSWORD = "pat-reset-password";
const CHANGED_PASSWORD = "pat-changed-password";
const SENT = "If an account exists for that address, we sent a link to reset its password. Check your email.";
const ENDED = "Your session has ended. Please sign in again.";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

/** A new agent Pat, signed out, with the first password. */
async function addPat(admin: Page) {
  const tag = uniqueTag();
  const pat = { name: `Pat Password ${tag}`, email: `pat-${tag}@example.test`, password: FIRST_PASSWORD };
  await addAgent(admin, { ...pat, capacity: 0 });
  return pat;
}

async function openAdminAgents(admin: Page) {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  return admin.getByRole("region", { name: "Agents" });
}

/** The sign-in form, filled and sent: the caller checks what came of it. */
async function trySignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an agent who forgot their password sets a new one from the emailed link", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const PAT = await addPat(admin);

  const pat = await contexts.page();
  await pat.goto("/console/");
  await pat.getByRole("link", { name: "Forgot password?" }).click();
  await expect(pat.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  // The email field has focus: typing and Enter are enough.
  await expect(pat.getByLabel("Email")).toBeFocused();
  await pat.keyboard.type("nobody@example.test");
  await pat.keyboard.press("Enter");
  await expect(pat.getByRole("status").filter({ hasText: SENT })).toBeVisible();
  // The same words for an account that exists.
  await pat.getByLabel("Email").fill(PAT.email);
  await pat.getByRole("button", { name: "Send reset link" }).click();
  await expect(pat.getByRole("status").filter({ hasText: SENT })).toBeVisible();
  await pat.screenshot({ path: `${ARTIFACTS}/console-forgot-password.png` });
  const mail = await waitForMail(PAT.email);
  expect(mail.subject).toBe("Reset your Parley password (Acme Cloud (demo))");
  expect(await mailsTo("nobody@example.test")).toEqual([]);

  const link = resetLinkIn(mail);
  await pat.goto(link);
  await expect(pat.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // The token is taken out of the address once read.
  await expect(pat).toHaveURL(/\/console\/reset-password$/);
  await pat.getByLabel("New password", { exact: true }).fill(RESET_PASSWORD);
  await pat.getByLabel("Repeat the new password").fill(`${RESET_PASSWORD}-typo`);
  await pat.getByRole("button", { name: "Set new password" }).click();
  await expect(pat.getByText("The two passwords are not the same.")).toBeVisible();
  await expect(pat.getByLabel("Repeat the new password")).toBeFocused();
  await pat.getByLabel("Repeat the new password").fill(RESET_PASSWORD);
  await pat.screenshot({ path: `${ARTIFACTS}/console-reset-password.png` });
  await pat.getByRole("button", { name: "Set new password" }).click();

  await expect(pat.getByRole("status").filter({ hasText: "Your new password is set. Sign in with it." })).toBeVisible();
  await expect(pat).toHaveURL(/\/console\/$/);
  await trySignIn(pat, PAT.email, PAT.password);
  await expect(pat.getByRole("alert")).toContainText("Email or password is incorrect");
  await trySignIn(pat, PAT.email, RESET_PASSWORD);
  await expect(pat.getByRole("heading", { name: "Waiting" })).toBeVisible();

  // The link worked once.
  await pat.goto(link);
  await pat.getByLabel("New password", { exact: true }).fill("pat-third-password");
  await pat.getByLabel("Repeat the new password").fill("pat-third-password");
  await pat.getByRole("button", { name: "Set new password" }).click();
  await expect(pat.getByRole("alert")).toContainText("This reset link is not valid");
});

test("an agent changes their password: their other console is signed out, this one stays", async () => {
  const PAT = await addPat(await signIn(await contexts.page(), DEMO.admin));
  const here = await signIn(await contexts.page(), { email: PAT.email, password: PAT.password });
  const elsewhere = await signIn(await contexts.page(), { email: PAT.email, password: PAT.password });

  await here.getByRole("link", { name: "Change password" }).click();
  await expect(here.getByRole("heading", { name: "Change password" })).toBeFocused();
  await here.getByLabel("Current password").fill("not the password");
  await here.getByLabel("New password", { exact: true }).fill(CHANGED_PASSWORD);
  await here.getByLabel("Repeat the new password").fill(CHANGED_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Your current password is not correct.")).toBeVisible();
  await expect(here.getByLabel("Current password")).toBeFocused();
  await expect(here.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await here.getByLabel("Current password").fill(PAT.password);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  await here.screenshot({ path: `${ARTIFACTS}/console-change-password.png` });

  await expect(elsewhere.getByText(ENDED)).toBeVisible();
  // This console carries on.
  await here.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox" }).click();
  await expect(here.getByRole("heading", { name: "Waiting" })).toBeVisible();
  await expect(here.getByText("Connected", { exact: true })).toBeVisible();

  await trySignIn(elsewhere, PAT.email, PAT.password);
  await expect(elsewhere.getByRole("alert")).toContainText("Email or password is incorrect");
  await trySignIn(elsewhere, PAT.email, CHANGED_PASSWORD);
  await expect(elsewhere.getByRole("heading", { name: "Waiting" })).toBeVisible();
});

test("an admin sends an agent a password reset: the agent is signed out and gets the link", async () => {
  const admin = await signIn(await contexts.page(), DEMO.admin);
  const PAT = await addPat(admin);
  const pat = await signIn(await contexts.page(), { email: PAT.email, password: PAT.password });
  const before = (await mailsTo(PAT.email)).length;

  const row = (await openAdminAgents(admin)).getByRole("row", { name: PAT.name });
  await row.getByRole("button", { name: `Send password reset to ${PAT.name}` }).click();
  await expect(row.getByRole("group", { name: `Send ${PAT.name} a password reset link by email?` })).toBeVisible();
  await row.screenshot({ path: `${ARTIFACTS}/console-admin-reset.png` });
  // Escape takes the question back, and focus returns to the button that asked.
  await admin.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: `Send password reset to ${PAT.name}` })).toBeFocused();
  await admin.keyboard.press("Enter");
  await row.getByRole("button", { name: "Send reset link" }).click();
  await expect(row.getByRole("status")).toContainText(`Reset link sent to ${PAT.email}`);

  await expect(pat.getByText(ENDED)).toBeVisible();
  const mail = await waitForMail(PAT.email, before + 1);
  expect(mail.text).toContain("Ada Admin, an admin, asked you to set a new password");
  await pat.goto(resetLinkIn(mail));
  await pat.getByLabel("New password", { exact: true }).fill(RESET_PASSWORD);
  await pat.getByLabel("Repeat the new password").fill(RESET_PASSWORD);
  await pat.getByRole("button", { name: "Set new password" }).click();
  await trySignIn(pat, PAT.email, RESET_PASSWORD);
  await expect(pat.getByRole("heading", { name: "Waiting" })).toBeVisible();
});
