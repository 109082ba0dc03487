import type { OfflineCatalogue } from "./offline-en.ts";

export const offlineDe: OfflineCatalogue = {
  enterEmail: "Bitte geben Sie Ihre E-Mail-Adresse ein, damit wir antworten können.",
  validEmail: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
  describeNeed: "Bitte beschreiben Sie Ihr Anliegen.",
  refusedIntro:
    "Ihr Chat konnte nicht gestartet werden, deshalb steht Ihre Nachricht im Formular unten: Senden Sie sie als Anfrage, wir antworten per E-Mail.",
  requestIntro: "Senden Sie uns eine Anfrage, wir antworten per E-Mail.",
  orLeaveMessage: [
    "Oder ",
    "hinterlassen Sie eine Nachricht im Chat",
    ", beantwortet hier, sobald der Support öffnet.",
  ],
  chatWithAgent: "Mit einem Mitarbeiter chatten",
  requestRetrying: (problem) => `Ihre Anfrage ist noch nicht gesendet (${problem}); wir versuchen es weiter.`,
  sendingRequest: "Ihre Anfrage wird gesendet…",
  requestSent: (reference) => `Danke, wir haben Ihre Anfrage erhalten. Ihre Referenz ist ${reference}.`,
  requestFailed: (reason) => `Ihre Anfrage konnte nicht gesendet werden: ${reason}`,
  priority: "Priorität",
  priorities: { low: "Niedrig", medium: "Mittel", high: "Hoch", critical: "Kritisch" },
  priorityHint:
    "Kritisch: unbenutzbar. Hoch: stark beeinträchtigt. Mittel: eine Funktion ist betroffen. Niedrig: ein kleines Problem.",
  details: "Details",
  detailsHint: "Was ist passiert, und wie lässt es sich nachstellen?",
  sendRequest: "Anfrage senden",
};
