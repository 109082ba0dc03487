// The manual suggestions' catalogues: part of the offline form's lazy chunk. The same idea as
// view-catalogue.ts, written out here rather than imported: the offline chunk importing view-catalogue.ts (or
// use-store.ts) made the bundler move preact into a shared file that app.js would then have to fetch before it
// starts (the widget's app must stay one file, scripts/bundle-budgets.mjs; checked with `ls widget/dist`). The panel
// re-renders its views on a language switch, so reading the store as it renders is enough. The catalogue is fetched
// when the form mounts, long before the first suggestion (which waits for typing), so it never shows English first.

import type { Language } from "@parley/shared/languages";
import { useEffect, useState } from "preact/hooks";

import { baseLanguage, language } from "./language.ts";
import { type ManualsCatalogue, manualsEn } from "./manuals-en.ts";

const loaders: Record<Exclude<Language, "en">, () => Promise<ManualsCatalogue>> = {
  fr: () => import("./manuals-fr.ts").then((m) => m.manualsFr),
  de: () => import("./manuals-de.ts").then((m) => m.manualsDe),
  es: () => import("./manuals-es.ts").then((m) => m.manualsEs),
  ar: () => import("./manuals-ar.ts").then((m) => m.manualsAr),
};
const loaded = new Map<Language, ManualsCatalogue>([["en", manualsEn]]);

/** The words in the language on screen; re-renders once a language not fetched yet has arrived. */
export function useManualsText(): ManualsCatalogue {
  const lang = baseLanguage(language.get().lang);
  const [, setReady] = useState(0);
  useEffect(() => {
    if (lang === "en" || loaded.has(lang)) return;
    void loaders[lang]()
      .then((catalogue) => {
        loaded.set(lang, catalogue);
        setReady((n) => n + 1);
      })
      // Stays in English.
      .catch(() => undefined);
  }, [lang]);
  return loaded.get(lang) ?? manualsEn;
}
