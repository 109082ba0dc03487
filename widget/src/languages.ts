// The widget's languages, and which one a visitor gets. Outside app/ so that the loader can share it.

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
