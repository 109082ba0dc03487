import type { ChatEndCatalogue } from "./chat-end-en.ts";

export const chatEndDe: ChatEndCatalogue = {
  rateTitle: "Wie war dieser Chat?",
  ratingLabel: { good: "Gut", bad: "Schlecht" },
  commentLabel: "Möchten Sie noch etwas hinzufügen? (optional)",
  onceHint: "Sie können einen Chat nur einmal bewerten; nach dem Senden lässt sich die Bewertung nicht mehr ändern.",
  sendRating: "Bewertung senden",
  sendingRating: "Ihre Bewertung wird gesendet…",
  thanks: (label) => `Vielen Dank! Ihre Bewertung für diesen Chat: ${label}.`,
  yourComment: "Ihr Kommentar:",
  transcriptTitle: "Chatverlauf per E-Mail erhalten",
  emailLabel: "E-Mail-Adresse",
  emailHintGiven: "Leer lassen, um die E-Mail-Adresse zu verwenden, die Sie zu Beginn des Chats angegeben haben.",
  sendTranscript: "Chatverlauf senden",
  sendingTranscript: "Der Chatverlauf wird gesendet…",
  transcriptSentTo: (to) => `Der Chatverlauf ist unterwegs an ${to}.`,
  transcriptSent: "Der Verlauf dieses Chats wurde gesendet.",
  errors: {
    offline: "Sie sind offline. Bitte versuchen Sie es gleich noch einmal.",
    alreadyRated: "Dieser Chat wurde bereits bewertet.",
    alreadySent: "Der Verlauf dieses Chats wurde bereits gesendet.",
    badEmail: "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    tooLong: (max) => `Der Kommentar darf höchstens ${max} Zeichen lang sein.`,
    generic: "Das hat nicht geklappt. Bitte versuchen Sie es erneut.",
  },
};
