import type { OfflineCatalogue } from "./offline-en.ts";

export const offlineEs: OfflineCatalogue = {
  enterEmail: "Introduce tu correo electrónico para que podamos responderte.",
  validEmail: "Introduce un correo electrónico válido.",
  describeNeed: "Describe lo que necesitas.",
  refusedIntro:
    "No se pudo iniciar tu chat, así que tu mensaje está en el formulario de abajo: envíalo como solicitud y te responderemos por correo electrónico.",
  requestIntro: "Déjanos una solicitud y te responderemos por correo electrónico.",
  orLeaveMessage: ["O ", "deja un mensaje en el chat", ", que responderemos aquí cuando abra el soporte."],
  chatWithAgent: "Chatear con un agente",
  requestRetrying: (problem) => `Tu solicitud aún no se ha enviado (${problem}); seguimos intentándolo.`,
  sendingRequest: "Enviando tu solicitud…",
  requestSent: (reference) => `Gracias, hemos recibido tu solicitud. Tu referencia es ${reference}.`,
  requestFailed: (reason) => `No se pudo enviar tu solicitud: ${reason}`,
  priority: "Prioridad",
  priorities: { low: "Baja", medium: "Media", high: "Alta", critical: "Crítica" },
  priorityHint:
    "Crítica: no se puede usar. Alta: muy afectado. Media: una función está afectada. Baja: un problema menor.",
  details: "Detalles",
  detailsHint: "Qué ha pasado y los pasos para reproducirlo.",
  sendRequest: "Enviar solicitud",
};
