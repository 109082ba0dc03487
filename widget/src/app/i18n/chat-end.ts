// The chat-end view's catalogues (rating and transcript, issue 14), the same shape as tickets.ts. A lazy chunk of its
// own, fetched with the view's (see ChatEndLoader.tsx): English comes with it; the others are fetched before the view
// first shows in their language (so it never flashes English) or on a switch.

import type { Language } from "@parley/shared/languages";
import { useEffect, useState } from "preact/hooks";
import { useStore } from "../use-store.ts";
import { type ChatEndCatalogue, chatEndEn } from "./chat-end-en.ts";
import { baseLanguage as base, language } from "./language.ts";

const LOADERS: Record<Exclude<Language, "en">, () => Promise<ChatEndCatalogue>> = {
  fr: () => import("./chat-end-fr.ts").then((m) => m.chatEndFr),
  de: () => import("./chat-end-de.ts").then((m) => m.chatEndDe),
  es: () => import("./chat-end-es.ts").then((m) => m.chatEndEs),
  ar: () => import("./chat-end-ar.ts").then((m) => m.chatEndAr),
};

const loaded = new Map<Language, ChatEndCatalogue>([["en", chatEndEn]]);

/** The store's `lang` carries the region that chose it (fr-FR, ar-EG); the catalogues are per language. */

/** The words in the language on screen, once fetched (English until then). */
export const chatEndText = (): ChatEndCatalogue => loaded.get(base(language.get().lang)) ?? chatEndEn;

/** Fetches the catalogue of the language `tag` names (fr-FR: French); never rejects (the view then stays in English). */
export async function loadChatEndText(tag: string): Promise<void> {
  const lang = base(tag);
  if (lang === "en" || loaded.has(lang)) return;
  const catalogue = await LOADERS[lang]().catch(() => null);
  if (catalogue) loaded.set(lang, catalogue);
}

/** For the view's root: re-renders once a language switched to while it is open has been fetched. */
export function useChatEndText(): ChatEndCatalogue {
  const { lang } = useStore(language);
  const [, setReady] = useState(0);
  useEffect(() => {
    if (!loaded.has(base(lang))) void loadChatEndText(lang).then(() => setReady((n) => n + 1));
  }, [lang]);
  return chatEndText();
}
