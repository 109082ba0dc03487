import { expect, type Page, test } from "@playwright/test";
import { acceptOffer, Contexts, closeChat, DEMO, signInAgent, startChat } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

let contexts: Contexts;
test.beforeEach(({ browser }) => {
  contexts = new Contexts(browser);
});
test.afterEach(() => contexts.closeAll());

/** A valid 1×1 PNG: the server sniffs the content, so it must really be one. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/**
 * Hands a PNG to the composer's textarea the way a browser does for a paste or a drop: Playwright has no
 * clipboard or file drag of its own, so the event is built in the page with a DataTransfer holding the file.
 */
async function giveImage(page: Page, how: "paste" | "drop", name: string) {
  await page.getByLabel("Message", { exact: true }).evaluate(
    (textarea, { how, name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: "image/png" }));
      const event =
        how === "paste"
          ? new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true });
      textarea.dispatchEvent(event);
    },
    { how, name, base64: PNG_BASE64 },
  );
}

/** The thumbnail really loaded (a blob URL in the widget, the authorised download path in the console). */
async function expectThumbnail(page: Page, name: string) {
  const image = page.getByRole("log").getByRole("img", { name });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
}

test("links, bold and code from the agent render safely, and pasted or dropped images show as thumbnails", async () => {
  const agent = await signInAgent(await contexts.page(), DEMO.agent);
  const visitor = await contexts.page();
  await startChat(visitor, "Rita Rich", "Where is the setup guide?");
  await acceptOffer(agent, "Rita Rich");

  await agent
    .getByLabel("Message", { exact: true })
    .fill("Read **the guide** at https://docs.example/setup. then run `npm ci`\nNot javascript:alert(1) *ever*");
  await agent.getByRole("button", { name: "Send" }).click();

  const visitorLog = visitor.getByRole("log");
  await expect(visitorLog).toContainText("Not javascript:alert(1)");
  const link = visitorLog.getByRole("link", { name: "https://docs.example/setup" });
  await expect(link).toHaveAttribute("href", "https://docs.example/setup");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  // The trailing full stop is text, and the javascript: URL is no link at all.
  await expect(visitorLog.getByRole("link")).toHaveCount(1);
  await expect(visitorLog.locator("strong")).toHaveText("the guide");
  await expect(visitorLog.locator("em")).toHaveText("ever");
  await expect(visitorLog.locator("code")).toHaveText("npm ci");
  await expect(visitorLog.locator("br")).toHaveCount(1);

  const agentLog = agent.getByRole("log");
  await expect(agentLog.getByRole("link", { name: "https://docs.example/setup" })).toHaveAttribute(
    "rel",
    "noopener noreferrer",
  );
  await expect(agentLog.locator("strong")).toHaveText("the guide");

  // The agent pastes a screenshot: it uploads like a picked file, and shows as a thumbnail on both sides.
  await giveImage(agent, "paste", "pasted.png");
  await expect(agent.getByRole("list", { name: "Files to send" })).toContainText("Uploaded");
  await agent.getByRole("button", { name: "Send" }).click();
  await expectThumbnail(agent, "pasted.png");
  await expectThumbnail(visitor, "pasted.png");
  await expect(agentLog.getByRole("link", { name: /^pasted\.png/ })).toHaveAttribute("download", "pasted.png");

  // The visitor drops one on the widget's composer.
  await giveImage(visitor, "drop", "dropped.png");
  await expect(visitor.getByRole("list", { name: "Files to send" })).toContainText("ready");
  await visitor.getByRole("button", { name: "Send" }).click();
  await expectThumbnail(agent, "dropped.png");
  await expectThumbnail(visitor, "dropped.png");

  await expectNoAxeViolations(agent, ".log");
  await expectNoAxeViolations(visitor, { fromShadowDom: ["parley-chat", ".log"] });

  await closeChat(agent);
});
