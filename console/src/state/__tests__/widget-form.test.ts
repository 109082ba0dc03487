import { DEFAULT_WIDGET_SETTINGS } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { accentContrast, widgetFormOf, widgetInput } from "../widget-form.ts";

describe("the chat widget form", () => {
  const form = widgetFormOf(DEFAULT_WIDGET_SETTINGS);

  it("should give back the settings it was filled from", () => {
    expect(widgetInput(form)).toEqual({ ok: true, widget: DEFAULT_WIDGET_SETTINGS });
  });

  it("should read the pages one a line, without blank lines", () => {
    const built = widgetInput({ ...form, pathsText: " /pricing* \n\n/docs/*\n" });
    expect(built.ok && built.widget.proactive.paths).toEqual(["/pricing*", "/docs/*"]);
  });

  it("should refuse, at the paths site:update reports, what the server would refuse", () => {
    const built = widgetInput({
      ...form,
      accentColour: "#ffcc00",
      avatarUrl: "javascript:alert(1)",
      delayText: "soon",
      pathsText: "pricing",
    });
    expect(built.ok).toBe(false);
    const paths = built.ok ? [] : built.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "widget.theme.accentTextColour",
        "widget.theme.avatarUrl",
        "widget.proactive.delaySeconds",
        "widget.proactive.paths.0",
      ]),
    );
    expect(built.ok ? [] : built.issues.find((i) => i.path === "widget.proactive.delaySeconds")?.message).toBe(
      "a whole number of seconds",
    );
  });

  it("should show the contrast as typed, never rounded up to a pass", () => {
    expect(accentContrast({ accentColour: "#1f4fd1", accentTextColour: "#ffffff" })).toMatchObject({
      passes: true,
      text: "6.78:1",
    });
    expect(accentContrast({ accentColour: "#ffcc00", accentTextColour: "#ffffff" })).toMatchObject({ passes: false });
    expect(accentContrast({ accentColour: "#ffffff", accentTextColour: "#777777" })).toMatchObject({
      passes: false,
      text: "4.47:1",
    });
    expect(accentContrast({ accentColour: "#1f4f", accentTextColour: "#ffffff" })).toBeNull();
  });
});
