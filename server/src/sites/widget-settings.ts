import { DEFAULT_WIDGET_SETTINGS, type WidgetConfigDto, type WidgetSettings } from "@parley/shared";
import { pathPatternsSource } from "@parley/shared/path-pattern";
import { themeHostCss } from "@parley/shared/theme-css";
import type { SiteDoc } from "./site.model.ts";

/** A site's widget settings; sites stored before issue 14's theming get the defaults, part by part. */
export function widgetSettingsOf(site: Pick<SiteDoc, "widget">): WidgetSettings {
  const stored = site.widget;
  return {
    theme: { ...DEFAULT_WIDGET_SETTINGS.theme, ...(stored?.theme ?? {}) },
    proactive: { ...DEFAULT_WIDGET_SETTINGS.proactive, ...(stored?.proactive ?? {}) },
    sound: stored?.sound ?? DEFAULT_WIDGET_SETTINGS.sound,
  };
}

/** What every page view's loader reads: the greeting only when it is on, its pages compiled for the loader. */
export function toWidgetConfigDto(site: Pick<SiteDoc, "widget">): WidgetConfigDto {
  const { theme, proactive, sound } = widgetSettingsOf(site);
  return {
    theme,
    css: themeHostCss(theme),
    proactive: proactive.enabled
      ? {
          message: proactive.message,
          delayMs: proactive.delaySeconds * 1000,
          pathRegex: pathPatternsSource(proactive.paths),
        }
      : null,
    sound,
  };
}
