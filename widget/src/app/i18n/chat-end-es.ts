import type { ChatEndCatalogue } from "./chat-end-en.ts";

export const chatEndEs: ChatEndCatalogue = {
  rateTitle: "¿Qué tal ha ido este chat?",
  ratingLabel: { good: "Bien", bad: "Mal" },
  commentLabel: "¿Algo que añadir? (opcional)",
  onceHint: "Solo puedes valorar un chat una vez; después de enviarla, la valoración no se puede cambiar.",
  sendRating: "Enviar valoración",
  sendingRating: "Enviando tu valoración…",
  thanks: (label) => `¡Gracias! Tu valoración de este chat: ${label}.`,
  yourComment: "Tu comentario:",
  transcriptTitle: "Recibir la transcripción por correo",
  emailLabel: "Correo electrónico",
  emailHintGiven: "Déjalo vacío para usar el correo electrónico que indicaste al empezar el chat.",
  sendTranscript: "Enviar transcripción",
  sendingTranscript: "Enviando la transcripción…",
  transcriptSentTo: (to) => `La transcripción va de camino a ${to}.`,
  transcriptSent: "Se ha enviado la transcripción de este chat.",
  errors: {
    offline: "No tienes conexión; inténtalo de nuevo en un momento.",
    alreadyRated: "Este chat ya se ha valorado.",
    alreadySent: "La transcripción de este chat ya se ha enviado.",
    badEmail: "Introduce un correo electrónico válido.",
    tooLong: (max) => `El comentario debe tener menos de ${max} caracteres.`,
    generic: "No ha funcionado; inténtalo de nuevo.",
  },
};
