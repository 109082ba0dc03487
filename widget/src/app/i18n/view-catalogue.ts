// The words of a lazy view (the tickets view, the chat-end view): part of that view's chunk. English comes with it;
// the others are fetched when the view opens in their language (before it shows, so it never flashes English) or on
// a switch.

import type { Language } from "@parley/shared/languages";
import { useEffect, useState } from "preact/hooks";
import { useStore } from "../use-store.ts";
import { baseLanguage as base, language } from "./language.ts";

export interface ViewCatalogue<C> {
  /** The words in the language on screen, once fetched (English until then). */
  text(): C;
  /** Fetches the catalogue of the language `tag` names (fr-FR: French); never rejects (the view stays in English). */
  load(tag: string): Promise<void>;
  /** For the view's root: re-renders once a language switched to while it is open has been fetched. */
  use(): C;
}

/** The store's `lang` carries the region that chose it (fr-FR, ar-EG); the catalogues are per language. */
export function viewCatalogue<C>(en: C, loaders: Record<Exclude<Language, "en">, () => Promise<C>>): ViewCatalogue<C> {
  const loaded = new Map<Language, C>([["en", en]]);
  const text = () => loaded.get(base(language.get().lang)) ?? en;
  const load = async (tag: string) => {
    const lang = base(tag);
    if (lang === "en" || loaded.has(lang)) return;
    const catalogue = await loaders[lang]().catch(() => null);
    if (catalogue) loaded.set(lang, catalogue);
  };
  const use = () => {
    const { lang } = useStore(language);
    const [, setReady] = useState(0);
    useEffect(() => {
      if (!loaded.has(base(lang))) void load(lang).then(() => setReady((n) => n + 1));
    }, [lang]);
    return text();
  };
  return { text, load, use };
}
