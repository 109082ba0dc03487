import { DEFAULT_WIDGET_SETTINGS, type WidgetConfigDto, type WidgetSettings } from "@parley/shared";
import { LAUNCHER_LABELS, negotiate } from "@parley/shared/languages";
import { LAUNCHER_CSS } from "@parley/shared/launcher-css";
import { pathPatternsSource } from "@parley/shared/path-pattern";
import { themeHostCss } from "@parley/shared/theme-css";
import type { SiteDoc } from "./site.model.ts";

/** A site's widget settings; sites stored before theming existed get the defaults, part by part. */
export function widgetSettingsOf(site: Pick<SiteDoc, "widget">): WidgetSettings {
  const stored = site.widget;
  return {
    theme: { ...DEFAULT_WIDGET_SETTINGS.theme, ...(stored?.theme ?? {}) },
    proactive: { ...DEFAULT_WIDGET_SETTINGS.proactive, ...(stored?.proactive ?? {}) },
    sound: stored?.sound ?? DEFAULT_WIDGET_SETTINGS.sound,
  };
}

const DEFAULT_LAUNCHER_LABEL = DEFAULT_WIDGET_SETTINGS.theme.launcherLabel;

/** What every page view's loader reads: the greeting only when it is on, its pages compiled for the loader. */
/** `languages`: the visitor's, best first (the request's Accept-Language), for the default launcher label. */
export function toWidgetConfigDto(site: Pick<SiteDoc, "widget">, languages: readonly string[] = []): WidgetConfigDto {
  const { theme, proactive, sound } = widgetSettingsOf(site);
  const lang = negotiate(undefined, languages);
  return {
    theme,
    css: LAUNCHER_CSS + themeHostCss(theme),
    launcher:
      theme.launcherLabel === DEFAULT_LAUNCHER_LABEL
        ? { label: LAUNCHER_LABELS[lang] ?? DEFAULT_LAUNCHER_LABEL, lang }
        : { label: theme.launcherLabel, lang: null },
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
