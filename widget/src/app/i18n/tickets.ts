// The "My tickets" view's catalogues: part of that lazy chunk. English comes with it; the others are fetched
// when the view opens in their language (before it shows, so it never flashes English) or on a switch.

import type { Language } from "@parley/shared/languages";
import { useEffect, useState } from "preact/hooks";
import { useStore } from "../use-store.ts";
import { language } from "./language.ts";
import { type TicketsCatalogue, ticketsEn } from "./tickets-en.ts";

const LOADERS: Record<Exclude<Language, "en">, () => Promise<TicketsCatalogue>> = {
  fr: () => import("./tickets-fr.ts").then((m) => m.ticketsFr),
  de: () => import("./tickets-de.ts").then((m) => m.ticketsDe),
  es: () => import("./tickets-es.ts").then((m) => m.ticketsEs),
  ar: () => import("./tickets-ar.ts").then((m) => m.ticketsAr),
};

const loaded = new Map<string, TicketsCatalogue>([["en", ticketsEn]]);

/** The words in the language on screen, once fetched (English until then). */
export const ticketsText = (): TicketsCatalogue => loaded.get(language.get().lang) ?? ticketsEn;

/** Fetches the catalogue of `lang`; never rejects (the view then stays in English). */
export async function loadTicketsText(lang: string): Promise<void> {
  const load = LOADERS[lang as Exclude<Language, "en">];
  if (loaded.has(lang) || !load) return;
  const catalogue = await load().catch(() => null);
  if (catalogue) loaded.set(lang, catalogue);
}

/** For the view's root: re-renders once a language switched to while it is open has been fetched. */
export function useTicketsText(): TicketsCatalogue {
  const { lang } = useStore(language);
  const [, setReady] = useState(0);
  useEffect(() => {
    if (!loaded.has(lang)) void loadTicketsText(lang).then(() => setReady((n) => n + 1));
  }, [lang]);
  return ticketsText();
}
