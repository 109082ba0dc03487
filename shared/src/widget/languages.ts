// The widget's languages, and which one a visitor gets (the app, and the server for the launcher's label, which
// the widget config carries in the visitor's language so the loader holds no words of its own).

export const LANGUAGES = ["en", "fr", "de", "es", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language asked for (`Parley('setLocale', …)`) when there is one, else the first of the browser's that
 * the widget speaks; English otherwise. Only the primary subtag counts: fr-CA is French.
 */
export function negotiate(wanted: string | undefined, browser: readonly string[]): Language {
  for (const tag of wanted ? [wanted] : browser) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(primary ?? "")) return primary as Language;
  }
  return "en";
}

/**
 * The launcher's label in the languages other than English: the widget config gives it in the language of the
 * browser's Accept-Language, and the app relabels the launcher on `setLocale` (app/i18n/ holds everything else).
 */
export const LAUNCHER_LABELS: Record<string, string> = {
  fr: "Chat en direct",
  de: "Live-Chat",
  es: "Chat en vivo",
  ar: "دردشة مباشرة",
};
