// The "My tickets" view's catalogues: part of that lazy chunk. English comes with it; the others are fetched
// when the view opens in their language (before it shows, so it never flashes English) or on a switch.

import type { Language } from "@parley/shared/languages";
import { useEffect, useState } from "preact/hooks";
import { useStore } from "../use-store.ts";
import { baseLanguage as base, language } from "./language.ts";
import { type TicketsCatalogue, ticketsEn } from "./tickets-en.ts";

const LOADERS: Record<Exclude<Language, "en">, () => Promise<TicketsCatalogue>> = {
  fr: () => import("./tickets-fr.ts").then((m) => m.ticketsFr),
  de: () => import("./tickets-de.ts").then((m) => m.ticketsDe),
  es: () => import("./tickets-es.ts").then((m) => m.ticketsEs),
  ar: () => import("./tickets-ar.ts").then((m) => m.ticketsAr),
};

const loaded = new Map<Language, TicketsCatalogue>([["en", ticketsEn]]);

/** The store's `lang` carries the region that chose it (fr-FR, ar-EG); the catalogues are per language. */

/** The words in the language on screen, once fetched (English until then). */
export const ticketsText = (): TicketsCatalogue => loaded.get(base(language.get().lang)) ?? ticketsEn;

/** Fetches the catalogue of the language `tag` names (fr-FR: French); never rejects (the view then stays in English). */
export async function loadTicketsText(tag: string): Promise<void> {
  const lang = base(tag);
  if (lang === "en" || loaded.has(lang)) return;
  const catalogue = await LOADERS[lang]().catch(() => null);
  if (catalogue) loaded.set(lang, catalogue);
}

/** For the view's root: re-renders once a language switched to while it is open has been fetched. */
export function useTicketsText(): TicketsCatalogue {
  const { lang } = useStore(language);
  const [, setReady] = useState(0);
  useEffect(() => {
    if (!loaded.has(base(lang))) void loadTicketsText(lang).then(() => setReady((n) => n + 1));
  }, [lang]);
  return ticketsText();
}
