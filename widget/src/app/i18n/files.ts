// The files chunk's catalogues (files/FileViews.tsx, see view-catalogue.ts).

import { type FilesCatalogue, filesEn } from "./files-en.ts";
import { viewCatalogue } from "./view-catalogue.ts";

const files = viewCatalogue<FilesCatalogue>(filesEn, {
  fr: () => import("./files-fr.ts").then((m) => m.filesFr),
  de: () => import("./files-de.ts").then((m) => m.filesDe),
  es: () => import("./files-es.ts").then((m) => m.filesEs),
  ar: () => import("./files-ar.ts").then((m) => m.filesAr),
});

export const filesText = files.text;
export const loadFilesText = files.load;
export const useFilesText = files.use;
