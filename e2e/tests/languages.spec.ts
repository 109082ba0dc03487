import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ARTIFACTS, acceptOffer, closeChat, DEMO, signInAgent } from "./actors.ts";
import { expectNoAxeViolations } from "./axe.ts";

// Languages (docs/embedding.md): the widget speaks the visitor's browser language (French, German, Spanish, Arabic;
// English otherwise), mirrors in Arabic, and works the same in every language.

const opened: BrowserContext[] = [];
async function pageIn(browser: Browser, options: { locale?: string; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  opened.push(context);
  return context.newPage();
}
test.afterEach(() => Promise.all(opened.splice(0).map((c) => c.close())));

test("a French browser gets the widget in French, and the chat works end to end in it", async ({ browser }) => {
  const agent = await signInAgent(await pageIn(browser), DEMO.agent);
  const visitor = await pageIn(browser, { locale: "fr-FR", timezoneId: "Europe/Paris" });
  await visitor.goto("/");

  const launcher = visitor.getByRole("button", { name: "Chat en direct" });
  await expect(launcher).toHaveAttribute("lang", "fr");
  await launcher.click();
  const panel = visitor.getByRole("dialog", { name: "Discuter avec le support" });
  await expect(panel).toHaveAttribute("lang", "fr-FR");
  await expect(panel).toHaveAttribute("dir", "ltr");
  await expect(panel.getByText("Bonjour ! Dites-nous qui vous êtes et comment nous pouvons vous aider.")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Réduire le chat" })).toBeVisible();

  // A form error is French too.
  await panel.getByRole("button", { name: "Démarrer le chat" }).click();
  await expect(panel.getByText("Veuillez saisir votre nom.")).toBeVisible();
  await expectNoAxeViolations(visitor);

  await panel.getByLabel("Nom").fill("Françoise Visiteuse");
  await panel.getByLabel("Message").fill("Bonjour, ma facture est fausse");
  await panel.getByRole("button", { name: "Démarrer le chat" }).click();
  const log = panel.getByRole("log", { name: "Historique de la conversation" });
  await expect(log).toContainText("Bonjour, ma facture est fausse");
  await expect(panel.getByRole("status").filter({ hasText: /file d’attente/ })).toBeVisible();

  await acceptOffer(agent, "Françoise Visiteuse");
  await agent.getByLabel("Message").fill("Bonjour Françoise, je regarde.");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(log).toContainText("Bonjour Françoise, je regarde.");
  await expect(panel.getByRole("status").filter({ hasText: "Vous discutez avec Ana Agent" })).toBeVisible();
  // Message times are in the visitor's language and name their zone (Paris in December: UTC+1).
  await expect(log.locator("time").first()).toHaveText(/^\d\d:\d\d UTC\+1$/);

  await panel.getByLabel("Message").fill("Merci !");
  await panel.getByLabel("Message").press("Enter");
  await expect(agent.getByRole("log")).toContainText("Merci !");
  await expect(panel.getByText("Vu", { exact: true })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-fr.png` });
  await test.info().attach("widget in French", { path: `${ARTIFACTS}/widget-fr.png`, contentType: "image/png" });

  await closeChat(agent);
  await expect(panel.getByRole("status").filter({ hasText: "Ce chat est terminé" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Démarrer un nouveau chat" })).toBeVisible();

  // Rating the chat that ended (a lazy chunk with its own catalogues) is in French too, from its first paint.
  const rate = panel.getByRole("region", { name: "Comment s’est passé ce chat ?" });
  await expect(rate).toBeVisible();
  await expect(rate.getByRole("button", { name: "Pas bien" })).toBeVisible();
  await rate.getByRole("button", { name: "Bien", exact: true }).click();
  await rate.getByLabel("Quelque chose à ajouter ? (facultatif)").fill("Très rapide, merci");
  await expect(rate.getByText("Vous ne pouvez évaluer un chat qu’une fois")).toBeVisible();
  await expect(rate.getByRole("heading", { name: "Recevoir la transcription par e-mail" })).toBeVisible();
  await expect(rate.getByLabel("Adresse e-mail")).toBeVisible();
  await expectNoAxeViolations(visitor);
  await rate.getByRole("button", { name: "Envoyer la note" }).click();
  await expect(rate.getByText("Merci ! Votre note pour ce chat : Bien.")).toBeVisible();
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-rating-fr.png` });
});

test("an Arabic browser gets the widget in Arabic, right to left and mirrored", async ({ browser }) => {
  const agent = await signInAgent(await pageIn(browser), DEMO.agent);
  const visitor = await pageIn(browser, { locale: "ar-EG" });
  await visitor.goto("/");

  await visitor.getByRole("button", { name: "دردشة مباشرة" }).click();
  const panel = visitor.getByRole("dialog", { name: "تحدّث مع الدعم" });
  await expect(panel).toHaveAttribute("dir", "rtl");
  await expect(panel).toHaveAttribute("lang", "ar-EG");
  const start = panel.getByRole("button", { name: "بدء الدردشة" });
  await expect(start).toBeVisible();
  await expectNoAxeViolations(visitor);

  // Mirrored: the minimize button sits at the header's left end, the title at its right.
  const title = await panel.getByRole("heading", { name: "تحدّث مع الدعم" }).boundingBox();
  const minimize = await panel.getByRole("button", { name: "تصغير نافذة الدردشة" }).boundingBox();
  expect(minimize && title && minimize.x < title.x).toBe(true);

  await panel.getByLabel("الاسم").fill("سلمى");
  await panel.getByLabel("الرسالة").fill("مرحبًا، لدي سؤال");
  await start.click();
  const log = panel.getByRole("log", { name: "سجل المحادثة" });
  await expect(log).toContainText("مرحبًا، لدي سؤال");
  await acceptOffer(agent, "سلمى");
  await agent.getByLabel("Message").fill("أهلًا سلمى");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(log).toContainText("أهلًا سلمى");
  await expect(panel.getByRole("status").filter({ hasText: "أنت تتحدث مع Ana Agent" })).toBeVisible();

  // The visitor's own bubble is on the left in a right-to-left chat, the agent's on the right.
  const box = await log.boundingBox();
  const own = await log.locator(".msg-visitor").first().boundingBox();
  const theirs = await log.locator(".msg-agent").first().boundingBox();
  expect(box && own && theirs).toBeTruthy();
  if (box && own && theirs) {
    expect(own.x - box.x).toBeLessThan(box.x + box.width - (own.x + own.width));
    expect(theirs.x + theirs.width).toBeGreaterThan(own.x + own.width);
  }
  await expectNoAxeViolations(visitor);
  await visitor.screenshot({ path: `${ARTIFACTS}/widget-ar.png` });
  await test.info().attach("widget in Arabic", { path: `${ARTIFACTS}/widget-ar.png`, contentType: "image/png" });
  await closeChat(agent);
  await expect(panel.getByRole("button", { name: "بدء دردشة جديدة" })).toBeVisible();
});

test("a browser in a language the widget does not speak gets English", async ({ browser }) => {
  const visitor = await pageIn(browser, { locale: "pt-BR" });
  await visitor.goto("/");
  await visitor.getByRole("button", { name: "Live Chat" }).click();
  const panel = visitor.getByRole("dialog", { name: "Chat with support" });
  await expect(panel).toHaveAttribute("lang", "en");
  await expect(panel).toHaveAttribute("dir", "ltr");
});

test("the page's choice (MountOptions.locale) wins over the browser's, and setLocale switches an open widget live", async ({
  browser,
}) => {
  const visitor = await pageIn(browser, { locale: "en-US" });
  await visitor.goto("/");
  // What the loader does, with the options Parley('setLocale') gives it: mount the app in a shadow root of its own.
  await visitor.evaluate(async () => {
    const siteKey = document.querySelector<HTMLScriptElement>("script[data-site]")?.dataset.site ?? "";
    const app = await import(`${location.origin}/widget/app.js`);
    const host = document.createElement("div");
    document.body.append(host);
    const handle = app.mount(host.attachShadow({ mode: "open" }), {
      serverUrl: location.origin,
      siteKey,
      open: true,
      locale: "es",
    });
    (window as unknown as { parleyTest: unknown }).parleyTest = handle;
  });
  const setLocale = (locale: string) =>
    visitor.evaluate(
      (l) => (window as unknown as { parleyTest: { setLocale(l: string): void } }).parleyTest.setLocale(l),
      locale,
    );

  await expect(visitor.getByRole("dialog", { name: "Chatea con soporte" })).toHaveAttribute("lang", "es");
  await setLocale("ar");
  const arabic = visitor.getByRole("dialog", { name: "تحدّث مع الدعم" });
  await expect(arabic).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("button", { name: "بدء الدردشة" })).toBeVisible();
  await setLocale("de-AT");
  const german = visitor.getByRole("dialog", { name: "Chat mit dem Support" });
  await expect(german).toHaveAttribute("dir", "ltr");
  await expect(german).toHaveAttribute("lang", "de-AT");
  await expect(german.getByRole("button", { name: "Chat starten" })).toBeVisible();
});
