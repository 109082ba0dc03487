import type { ManualsCatalogue } from "./manuals-en.ts";

export const manualsEs: ManualsCatalogue = {
  heading: "Puede que el manual ya responda a esto:",
  newTab: "(se abre en una pestaña nueva)",
  opened: "Abierto",
};
