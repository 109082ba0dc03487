// The manual suggestions' words in English: part of the offline form's lazy chunk, not the chat's entry.
// A translation is typed `ManualsCatalogue`.

export const manualsEn = {
  heading: "The manual may already answer this:",
  newTab: "(opens in a new tab)",
  opened: "Opened",
};

export type ManualsCatalogue = typeof manualsEn;
