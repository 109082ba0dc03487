import type { OfflineCatalogue } from "./offline-en.ts";

export const offlineFr: OfflineCatalogue = {
  enterEmail: "Veuillez saisir votre adresse e-mail, pour que nous puissions vous répondre.",
  validEmail: "Veuillez saisir une adresse e-mail valide.",
  describeNeed: "Veuillez décrire votre besoin.",
  refusedIntro:
    "Votre chat n’a pas pu démarrer, votre message est donc dans le formulaire ci-dessous : envoyez-le comme demande et nous vous répondrons par e-mail.",
  requestIntro: "Laissez-nous une demande et nous vous répondrons par e-mail.",
  orLeaveMessage: ["Ou ", "laissez un message dans le chat", ", auquel nous répondrons ici à l’ouverture du support."],
  chatWithAgent: "Discuter avec un agent",
  requestRetrying: (problem) => `Votre demande n’est pas encore envoyée (${problem}) ; nous réessayons.`,
  sendingRequest: "Envoi de votre demande…",
  requestSent: (reference) => `Merci, nous avons bien reçu votre demande. Votre référence : ${reference}.`,
  requestFailed: (reason) => `Votre demande n’a pas pu être envoyée : ${reason}`,
  priority: "Priorité",
  priorities: { low: "Basse", medium: "Moyenne", high: "Haute", critical: "Critique" },
  priorityHint:
    "Critique : inutilisable. Haute : fortement perturbé. Moyenne : une fonctionnalité est touchée. Basse : problème mineur.",
  details: "Détails",
  detailsHint: "Ce qui s’est passé, et les étapes pour le reproduire.",
  sendRequest: "Envoyer la demande",
};
