import { LAUNCHER_LABELS, type Language, negotiate } from "@parley/shared/languages";
import { Store } from "../store.ts";
import { type Catalogue, en } from "./en.ts";

/** The other languages, each its own chunk: a visitor downloads only the one they read. */
const LOADERS: Record<Exclude<Language, "en">, () => Promise<Catalogue>> = {
  fr: () => import("./fr.ts").then((m) => m.fr),
  de: () => import("./de.ts").then((m) => m.de),
  es: () => import("./es.ts").then((m) => m.es),
  ar: () => import("./ar.ts").then((m) => m.ar),
};

/**
 * The widget language of a full tag ("fr-FR" → fr), for the lazy views' catalogues. Here rather than imported by
 * them from @parley/shared: a lazy chunk importing a shared-package module made the bundler split app.js in three.
 */
export const baseLanguage = (lang: string): Language => negotiate(lang, []);

/** The loader's default launcher label in the language `wanted` names (the app relabels it on setLocale). */
export function launcherLabel(wanted: string, browser: readonly string[]): { lang: Language; label: string } {
  const lang = negotiate(wanted, browser);
  return { lang, label: LAUNCHER_LABELS[lang] ?? "Live Chat" };
}

/** The catalogue on screen. The panel subscribes to it, so a switch re-renders everything at once. */
export const language = new Store<Catalogue>(en);

/** The words of the language on screen, for code that runs outside a render (errors, announcements). */
export const text = (): Catalogue => language.get();

let latest = 0;

/**
 * Switches to the language `wanted` names (a BCP 47 tag from `setLocale`), or the browser's when it is
 * undefined. Resolves once the catalogue is on screen; if its chunk cannot be fetched the widget stays in the
 * language it was in, which beats showing nothing.
 */
export async function chooseLanguage(wanted: string | undefined, browser: readonly string[]): Promise<void> {
  const lang = negotiate(wanted, browser);
  const call = ++latest;
  const catalogue = lang === "en" ? en : await LOADERS[lang]().catch(() => null);
  // A later call won while this chunk was on its way.
  if (catalogue && call === latest)
    language.update(() => ({ ...catalogue, lang: regional(lang, wanted ? [wanted] : browser) }));
}

/**
 * The tag that chose the language, region included, for `lang` and Intl: en-GB reads 21:30 where en-US reads
 * 9:30 PM. A malformed tag (Intl would throw on it) gives the bare language.
 */
function regional(lang: Language, tags: readonly string[]): string {
  for (const tag of tags) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical?.split("-")[0] === lang) return canonical;
    } catch {
      // Not a BCP 47 tag: try the next.
    }
  }
  return lang;
}

/** Formatters are costly to build and a render formats every message's time: one per language and options. */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  const format = formatters.get(key) ?? new Intl.DateTimeFormat(lang, options);
  formatters.set(key, format);
  return format;
}
