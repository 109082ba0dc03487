import type { ManualsCatalogue } from "./manuals-en.ts";

export const manualsFr: ManualsCatalogue = {
  heading: "Le manuel répond peut-être déjà à votre question :",
  newTab: "(s’ouvre dans un nouvel onglet)",
  opened: "Ouvert",
};
