import type { ChatEndCatalogue } from "./chat-end-en.ts";

export const chatEndFr: ChatEndCatalogue = {
  rateTitle: "Comment s’est passé ce chat ?",
  ratingLabel: { good: "Bien", bad: "Pas bien" },
  commentLabel: "Quelque chose à ajouter ? (facultatif)",
  onceHint: "Vous ne pouvez évaluer un chat qu’une fois ; votre note ne pourra plus être modifiée après l’envoi.",
  sendRating: "Envoyer la note",
  sendingRating: "Envoi de votre note…",
  thanks: (label) => `Merci ! Votre note pour ce chat : ${label}.`,
  yourComment: "Votre commentaire :",
  transcriptTitle: "Recevoir la transcription par e-mail",
  emailLabel: "Adresse e-mail",
  emailHintGiven: "Laissez vide pour utiliser l’e-mail indiqué au début du chat.",
  sendTranscript: "Envoyer la transcription",
  sendingTranscript: "Envoi de la transcription…",
  transcriptSentTo: (to) => `La transcription est en route vers ${to}.`,
  transcriptSent: "La transcription de ce chat a été envoyée.",
  errors: {
    offline: "Vous êtes hors ligne ; réessayez dans un instant.",
    alreadyRated: "Ce chat a déjà été évalué.",
    alreadySent: "La transcription de ce chat a déjà été envoyée.",
    badEmail: "Veuillez saisir une adresse e-mail valide.",
    tooLong: (max) => `Le commentaire doit faire moins de ${max} caractères.`,
    generic: "Cela n’a pas fonctionné ; veuillez réessayer.",
  },
};
