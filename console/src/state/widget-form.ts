import { type WidgetSettings, WidgetSettings as WidgetSettingsSchema } from "@parley/shared";
import { AA_TEXT_CONTRAST, contrastRatio, isHexColour } from "@parley/shared/contrast";
import type { ErrorBody } from "@parley/shared/errors";
import { wholeNumber } from "./whole-number.ts";

type Issue = NonNullable<ErrorBody["issues"]>[number];

/** The Admin page's "Chat widget" form as typed. */
export interface WidgetForm {
  accentColour: string;
  accentTextColour: string;
  position: WidgetSettings["theme"]["position"];
  colourScheme: WidgetSettings["theme"]["colourScheme"];
  launcherLabel: string;
  greeting: string;
  teamName: string;
  avatarUrl: string;
  proactiveEnabled: boolean;
  proactiveMessage: string;
  delayText: string;
  /** One page pattern a line. */
  pathsText: string;
  sound: boolean;
}

export function widgetFormOf(settings: WidgetSettings): WidgetForm {
  const { theme, proactive, sound } = settings;
  return {
    ...theme,
    proactiveEnabled: proactive.enabled,
    proactiveMessage: proactive.message,
    delayText: String(proactive.delaySeconds),
    pathsText: proactive.paths.join("\n"),
    sound,
  };
}

/**
 * The settings the form asks for, checked by the same schema the server applies, so every message (a colour
 * that is not #rrggbb, a contrast below AA, an address that is not https) shows before the round trip. Issues
 * are at the paths `site:update` would report them.
 */
export function widgetInput(form: WidgetForm): { ok: true; widget: WidgetSettings } | { ok: false; issues: Issue[] } {
  const delay = wholeNumber(form.delayText);
  const candidate = {
    theme: {
      accentColour: form.accentColour.trim(),
      accentTextColour: form.accentTextColour.trim(),
      position: form.position,
      colourScheme: form.colourScheme,
      launcherLabel: form.launcherLabel,
      greeting: form.greeting,
      teamName: form.teamName,
      avatarUrl: form.avatarUrl.trim(),
    },
    proactive: {
      enabled: form.proactiveEnabled,
      message: form.proactiveMessage,
      delaySeconds: delay ?? Number.NaN,
      paths: form.pathsText
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    },
    sound: form.sound,
  };
  const parsed = WidgetSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, widget: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: ["widget", ...i.path.map(String)].join("."),
      message: i.path.at(-1) === "delaySeconds" && delay === null ? "a whole number of seconds" : i.message,
    })),
  };
}

/** The launcher's text on the accent, as the admin types: null until both are #rrggbb. */
export function accentContrast(form: Pick<WidgetForm, "accentColour" | "accentTextColour">) {
  const accent = form.accentColour.trim();
  const text = form.accentTextColour.trim();
  if (!isHexColour(accent) || !isHexColour(text)) return null;
  const ratio = contrastRatio(text, accent);
  return { ratio, passes: ratio >= AA_TEXT_CONTRAST, text: `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1` };
}
