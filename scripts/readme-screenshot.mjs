// `node scripts/readme-screenshot.mjs [url]`: the README's screenshot (docs/screenshot.png), taken from a demo server
// that is already running (`npm start`, default http://localhost:3000): a visitor starts a chat on the demo site, the
// demo agent accepts and answers it, and the console is captured beside the visitor's widget.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const browser = await chromium.launch({
  executablePath: process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const agent = await (await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 760 } })).newPage();
  await agent.goto("/console/");
  await agent.getByLabel("Email").fill("agent@example.com");
  await agent.getByLabel("Password").fill("agent-demo-pw");
  await agent.getByRole("button", { name: "Sign in" }).click();
  await agent.getByRole("heading", { name: "Waiting" }).waitFor();
  await agent.getByRole("button", { name: "Not now" }).click();

  const visitor = await (await browser.newContext({ baseURL: base, viewport: { width: 1100, height: 760 } })).newPage();
  await visitor.goto("/");
  await visitor.getByRole("button", { name: /Live Chat/ }).click();
  await visitor.getByLabel("Name").fill("Dana Whitfield");
  await visitor.getByLabel("Message").fill("Hi! Our nightly export stops at 50% since this morning. Any idea?");
  await visitor.getByRole("button", { name: "Start chat" }).click();

  const offer = agent.getByRole("region", { name: "Incoming chats" }).getByRole("listitem").filter({ hasText: "Dana" });
  await offer.getByRole("button", { name: "Accept" }).click();
  await agent.getByRole("log").waitFor();
  await agent.getByLabel("Message").fill("Hello Dana, I'm looking at your export now. Which project is it?");
  await agent.keyboard.press("Enter");
  await visitor.getByRole("log").getByText("Which project is it?").waitFor();
  await agent.getByRole("log").getByText("Which project is it?").waitFor();

  await agent.screenshot({ path: "docs/screenshot.png" });
  await visitor.screenshot({ path: "docs/screenshot-widget.png" });
  console.log("docs/screenshot.png, docs/screenshot-widget.png");

  // Closed again, so the next run starts from the same console.
  await agent.getByRole("button", { name: "Close conversation" }).click();
  const dialog = agent.getByRole("dialog", { name: /^Close the chat with/ });
  await dialog.getByRole("radio", { name: /^Resolved/ }).check();
  await dialog.getByRole("button", { name: "Close conversation" }).click();
  await agent.getByText("Closed: Resolved").waitFor();
} finally {
  await browser.close();
}
