import { z } from "zod";
import { AA_TEXT_CONTRAST, contrastRatio, isHexColour } from "../widget/contrast.ts";
import { PATH_PATTERN } from "../widget/path-pattern.ts";
import { SiteKey } from "./primitives.ts";

// A widget customers can make their own: theme, proactive greeting and unread alerts, per site, set on
// the Admin page and read by the widget through `GET /api/widget/config/:siteKey`. Everything here reaches
// customer pages as text or as CSS custom property values, never as HTML.

export const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb, e.g. #1f4fd1");

/** An https URL (no other scheme: no `javascript:`, `data:` or plain http on https pages). */
export const HttpsUrl = z
  .url({ protocol: /^https$/, hostname: /^[a-z0-9.-]+$/i, error: "an https:// address of an image" })
  .max(500, "at most 500 characters")
  .refine((value) => !/^https:\/\/[^/]*@/i.test(value), "an address without a user name or password");

const line = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const WIDGET_POSITIONS = ["right", "left"] as const;
export const WIDGET_COLOUR_SCHEMES = ["auto", "light", "dark"] as const;

export const WidgetTheme = z
  .strictObject({
    /** The launcher's and the panel header's background, the visitor's bubbles and the main buttons. */
    accentColour: HexColour,
    /** Text and icons drawn on the accent: must reach AA contrast (4.5:1) against it. */
    accentTextColour: HexColour,
    position: z.enum(WIDGET_POSITIONS),
    /** "auto" follows the visitor's `prefers-color-scheme`. */
    colourScheme: z.enum(WIDGET_COLOUR_SCHEMES),
    launcherLabel: line(30).min(1, "the launcher needs a label"),
    /** Shown at the top of a new chat, above the start form; empty: the built-in sentence. */
    greeting: line(300),
    /** The panel's title; empty: "Chat with support". */
    teamName: line(60),
    /** A picture beside the title; empty: none. */
    avatarUrl: z.union([z.literal(""), HttpsUrl]),
  })
  .superRefine((theme, ctx) => {
    // Zod runs this even when a colour failed its own check, which has said so already.
    if (!isHexColour(theme.accentColour) || !isHexColour(theme.accentTextColour)) return;
    const ratio = contrastRatio(theme.accentTextColour, theme.accentColour);
    if (ratio < AA_TEXT_CONTRAST) {
      ctx.addIssue({
        code: "custom",
        path: ["accentTextColour"],
        message: `the text on the accent has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs 4.5:1`,
      });
    }
  });
export type WidgetTheme = z.infer<typeof WidgetTheme>;

export const ProactiveGreeting = z.strictObject({
  enabled: z.boolean(),
  message: line(200).min(1, "the greeting needs a message"),
  delaySeconds: z.number().int("a whole number of seconds").min(1, "at least 1 second").max(600, "at most 600 seconds"),
  /** Paths where `*` is any run of characters, e.g. `/pricing*`. */
  paths: z
    .array(
      z
        .string()
        .max(200, "at most 200 characters")
        .regex(PATH_PATTERN, "a path starting with /, without spaces, with at most 3 *"),
    )
    .min(1, "name at least one page, e.g. /pricing* (or /* for every page)")
    .max(20, "at most 20 pages"),
});
export type ProactiveGreeting = z.infer<typeof ProactiveGreeting>;

export const WidgetSettings = z.strictObject({
  theme: WidgetTheme,
  proactive: ProactiveGreeting,
  /** A short tone when an agent replies while the panel is closed; off unless the site turns it on. */
  sound: z.boolean(),
});
export type WidgetSettings = z.infer<typeof WidgetSettings>;

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  theme: {
    accentColour: "#1f4fd1",
    accentTextColour: "#ffffff",
    position: "right",
    colourScheme: "auto",
    launcherLabel: "Live Chat",
    greeting: "",
    teamName: "",
    avatarUrl: "",
  },
  proactive: { enabled: false, message: "Questions? We're here to help.", delaySeconds: 20, paths: ["/pricing*"] },
  sound: false,
};

/** `GET /api/widget/config/:siteKey`: what the loader needs before it draws the launcher. */
export const WidgetConfigRequest = z.strictObject({ siteKey: SiteKey });

/**
 * The answer: the theme as set, and the greeting only when it is on, with its pages compiled into one regular
 * expression source (`pathPatternsSource`) that the loader tests `location.pathname` against.
 */
export interface WidgetConfigDto {
  theme: WidgetTheme;
  /**
   * The launcher's stylesheet and the theme's custom properties as a `:host{…}` rule (`LAUNCHER_CSS` +
   * `themeHostCss`), adopted as is by the loader.
   */
  css: string;
  /**
   * The launcher's words: the site's own label as written (`lang` null: its language is the site's), or the
   * default label in the language the request's Accept-Language negotiates (as the app negotiates the browser's).
   */
  launcher: { label: string; lang: string | null };
  proactive: { message: string; delayMs: number; pathRegex: string } | null;
  sound: boolean;
}
