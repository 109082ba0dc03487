import type { ManualsCatalogue } from "./manuals-en.ts";

export const manualsAr: ManualsCatalogue = {
  heading: "قد يجيب الدليل عن هذا بالفعل:",
  newTab: "(يفتح في علامة تبويب جديدة)",
  opened: "تم الفتح",
};
