import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page as it is now, or on the part `include` selects, and fails with
 * the rule ids and the offending elements. `include` may reach into the widget's shadow root:
 * `{ fromShadowDom: ["parley-chat", ".log"] }`. Call it once per page and per state a change adds.
 */
export async function expectNoAxeViolations(page: Page, include?: Parameters<AxeBuilder["include"]>[0]): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, "axe violations").toEqual([]);
}
