import { describe, expect, it } from "vitest";
import { DEFAULT_WIDGET_SETTINGS, WidgetSettings, WidgetTheme } from "../schemas/widget-settings.ts";
import { contrastRatio, passesAA, relativeLuminance } from "../widget/contrast.ts";
import { pathMatches, pathPatternsSource } from "../widget/path-pattern.ts";
import { themeCustomProperties, themeHostCss } from "../widget/theme-css.ts";

describe("contrast (WCAG 2.x)", () => {
  it("should give 21:1 for black on white and 1:1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#1f4fd1", "#1f4fd1")).toBe(1);
  });

  it("should not depend on which colour is the text", () => {
    expect(contrastRatio("#ffffff", "#1f4fd1")).toBe(contrastRatio("#1f4fd1", "#ffffff"));
  });

  it("should pass white on the default blue and fail white on yellow", () => {
    expect(contrastRatio("#ffffff", "#1f4fd1")).toBeCloseTo(6.78, 2);
    expect(passesAA("#ffffff", "#1f4fd1")).toBe(true);
    expect(contrastRatio("#ffffff", "#ffcc00")).toBeCloseTo(1.51, 2);
    expect(passesAA("#ffffff", "#ffcc00")).toBe(false);
    expect(passesAA("#000000", "#ffcc00")).toBe(true);
  });

  it("should read upper and lower case hex alike", () => {
    expect(relativeLuminance("#FFCC00")).toBe(relativeLuminance("#ffcc00"));
  });

  it("should put the boundary at exactly 4.5:1, unrounded", () => {
    // #767676 on white is the classic lightest grey that passes (4.54:1); #777777 is 4.48:1 and fails, though
    // both would print as "4.5".
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(passesAA("#767676", "#ffffff")).toBe(true);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(passesAA("#777777", "#ffffff")).toBe(false);
  });

  it("should use the sRGB linear segment below 0.04045", () => {
    // #0a0a0a: 10/255 = 0.0392, on the linear segment (c / 12.92).
    expect(relativeLuminance("#0a0a0a")).toBeCloseTo(10 / 255 / 12.92, 10);
  });

  it("should refuse what is not #rrggbb", () => {
    expect(() => relativeLuminance("#fff")).toThrow(RangeError);
    expect(() => relativeLuminance("red")).toThrow(RangeError);
  });
});

describe("path patterns", () => {
  it("should match a trailing star against the page and everything under it", () => {
    for (const path of ["/pricing", "/pricing/", "/pricing/teams", "/pricing-2026"]) {
      expect(pathMatches(["/pricing*"], path), path).toBe(true);
    }
    expect(pathMatches(["/pricing*"], "/")).toBe(false);
    expect(pathMatches(["/pricing*"], "/en/pricing")).toBe(false);
  });

  it("should match a pattern without a star exactly", () => {
    expect(pathMatches(["/pricing"], "/pricing")).toBe(true);
    expect(pathMatches(["/pricing"], "/pricing/teams")).toBe(false);
  });

  it("should take a star in the middle and any of several patterns", () => {
    expect(pathMatches(["/docs/*/billing"], "/docs/v2/billing")).toBe(true);
    expect(pathMatches(["/docs/*/billing"], "/docs/v2/setup")).toBe(false);
    expect(pathMatches(["/about", "/*/checkout"], "/shop/checkout")).toBe(true);
    expect(pathMatches(["/*"], "/anything/at/all")).toBe(true);
  });

  it("should treat regular expression characters as literal", () => {
    expect(pathMatches(["/a.b"], "/axb")).toBe(false);
    expect(pathMatches(["/a.b"], "/a.b")).toBe(true);
    expect(pathMatches(["/(x)+"], "/(x)+")).toBe(true);
    expect(pathMatches(["/(x)+"], "/xx")).toBe(false);
  });

  it("should match no page when there are no patterns", () => {
    expect(pathMatches([], "/")).toBe(false);
    expect(new RegExp(pathPatternsSource([])).test("")).toBe(false);
  });
});

describe("WidgetSettings schema", () => {
  const theme = DEFAULT_WIDGET_SETTINGS.theme;

  it("should accept the defaults", () => {
    expect(WidgetSettings.safeParse(DEFAULT_WIDGET_SETTINGS).success).toBe(true);
  });

  it("should refuse colours that are not #rrggbb", () => {
    for (const accentColour of ["#fff", "blue", "#1f4fd1;", "#1f4fd1 !important", "rgb(0,0,0)", "#gggggg", ""]) {
      expect(WidgetTheme.safeParse({ ...theme, accentColour }).success, accentColour).toBe(false);
    }
  });

  it("should refuse a text colour below AA on the accent, at the text colour", () => {
    const result = WidgetTheme.safeParse({ ...theme, accentColour: "#ffcc00", accentTextColour: "#ffffff" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["accentTextColour"]);
    expect(result.error?.issues[0]?.message).toMatch(/1\.51:1; WCAG AA needs 4\.5:1/);
    expect(WidgetTheme.safeParse({ ...theme, accentColour: "#ffcc00", accentTextColour: "#000000" }).success).toBe(
      true,
    );
  });

  it("should take only https image addresses", () => {
    expect(WidgetTheme.safeParse({ ...theme, avatarUrl: "https://cdn.example.com/team.png" }).success).toBe(true);
    expect(WidgetTheme.safeParse({ ...theme, avatarUrl: "" }).success).toBe(true);
    for (const avatarUrl of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:image/png;base64,AAAA",
      "http://cdn.example.com/team.png",
      "//cdn.example.com/team.png",
      "https://user:pw@cdn.example.com/a.png",
      "team.png",
      `https://cdn.example.com/${"a".repeat(500)}.png`,
    ]) {
      expect(WidgetTheme.safeParse({ ...theme, avatarUrl }).success, avatarUrl).toBe(false);
    }
  });

  it("should bound the texts", () => {
    expect(WidgetTheme.safeParse({ ...theme, launcherLabel: "" }).success).toBe(false);
    expect(WidgetTheme.safeParse({ ...theme, launcherLabel: "x".repeat(31) }).success).toBe(false);
    expect(WidgetTheme.safeParse({ ...theme, greeting: "x".repeat(301) }).success).toBe(false);
    expect(WidgetTheme.safeParse({ ...theme, teamName: "x".repeat(61) }).success).toBe(false);
  });

  it("should refuse unknown fields and positions", () => {
    expect(WidgetTheme.safeParse({ ...theme, position: "top" }).success).toBe(false);
    expect(WidgetTheme.safeParse({ ...theme, css: "body{}" }).success).toBe(false);
  });

  it("should take page patterns that start with / and refuse others", () => {
    const proactive = DEFAULT_WIDGET_SETTINGS.proactive;
    const ok = (paths: string[]) => WidgetSettings.shape.proactive.safeParse({ ...proactive, paths }).success;
    expect(ok(["/pricing*", "/*", "/docs/*/billing"])).toBe(true);
    expect(ok([])).toBe(false);
    expect(ok(["pricing"])).toBe(false);
    expect(ok(["/a b"])).toBe(false);
    expect(ok(["/*/*/*/*/*"])).toBe(false);
    expect(WidgetSettings.shape.proactive.safeParse({ ...proactive, delaySeconds: 0 }).success).toBe(false);
  });
});

describe("theme custom properties", () => {
  it("should put the widget on the chosen side and carry the two colours", () => {
    const theme = { accentColour: "#ffcc00", accentTextColour: "#1d2433" };
    expect(themeCustomProperties({ ...theme, position: "left" })).toEqual({
      "--parley-bg": "#ffcc00",
      "--parley-fg": "#1d2433",
      "--parley-left": "20px",
      "--parley-right": "auto",
      "--parley-edge": "transparent",
    });
    expect(themeHostCss({ ...theme, position: "right", colourScheme: "light" })).toBe(
      ":host{--parley-bg:#ffcc00;--parley-fg:#1d2433;--parley-left:auto;--parley-right:20px;--parley-edge:transparent}",
    );
  });

  it("should give the launcher a light edge in dark mode, fixed or from the visitor's system", () => {
    const theme = { accentColour: "#1f4fd1", accentTextColour: "#ffffff", position: "right" } as const;
    expect(themeHostCss({ ...theme, colourScheme: "dark" })).toContain("--parley-edge:#ffffff8c}");
    expect(themeHostCss({ ...theme, colourScheme: "auto" })).toMatch(
      /--parley-edge:transparent}@media \(prefers-color-scheme:dark\){:host{--parley-edge:#ffffff8c}}$/,
    );
  });
});
