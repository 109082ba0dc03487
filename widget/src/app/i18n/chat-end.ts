// The chat-end view's catalogues (rating and transcript): a lazy chunk of its own, fetched with the view's (see
// ChatEndLoader.tsx and view-catalogue.ts).

import { type ChatEndCatalogue, chatEndEn } from "./chat-end-en.ts";
import { viewCatalogue } from "./view-catalogue.ts";

const chatEnd = viewCatalogue<ChatEndCatalogue>(chatEndEn, {
  fr: () => import("./chat-end-fr.ts").then((m) => m.chatEndFr),
  de: () => import("./chat-end-de.ts").then((m) => m.chatEndDe),
  es: () => import("./chat-end-es.ts").then((m) => m.chatEndEs),
  ar: () => import("./chat-end-ar.ts").then((m) => m.chatEndAr),
});

export const chatEndText = chatEnd.text;
export const loadChatEndText = chatEnd.load;
export const useChatEndText = chatEnd.use;
