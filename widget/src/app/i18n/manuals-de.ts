import type { ManualsCatalogue } from "./manuals-en.ts";

export const manualsDe: ManualsCatalogue = {
  heading: "Vielleicht beantwortet das Handbuch dies schon:",
  newTab: "(öffnet in einem neuen Tab)",
  opened: "Geöffnet",
};
