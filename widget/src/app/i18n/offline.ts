// The offline form's catalogues: part of that lazy chunk (OfflineView.tsx, see view-catalogue.ts).

import { type OfflineCatalogue, offlineEn } from "./offline-en.ts";
import { viewCatalogue } from "./view-catalogue.ts";

const offline = viewCatalogue<OfflineCatalogue>(offlineEn, {
  fr: () => import("./offline-fr.ts").then((m) => m.offlineFr),
  de: () => import("./offline-de.ts").then((m) => m.offlineDe),
  es: () => import("./offline-es.ts").then((m) => m.offlineEs),
  ar: () => import("./offline-ar.ts").then((m) => m.offlineAr),
});

export const offlineText = offline.text;
export const loadOfflineText = offline.load;
export const useOfflineText = offline.use;
