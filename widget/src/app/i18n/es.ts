import type { Catalogue } from "./en.ts";

const car = (n: number) => `${n} carácter${n === 1 ? "" : "es"}`;

export const es: Catalogue = {
  lang: "es",
  dir: "ltr",

  title: "Chatea con soporte",
  connecting: "Conectando…",
  reconnecting: "Reconectando…",
  minimize: "Minimizar el chat",
  myTickets: "Mis tickets",
  backToChat: "Volver al chat",
  checking: "Comprobando si hay un agente disponible…",
  requestFormInstead: "Enviar un formulario de solicitud",
  loadingTickets: "Cargando tus tickets…",
  ticketsFailed: "No se pudieron cargar tus tickets.",
  tryAgain: "Reintentar",
  loadingForm: "Cargando…",
  formFailed: "No se pudo cargar el formulario.",
  notSetUp: "El chat no está configurado para este sitio web.",
  notAvailableHere: "El chat no está disponible en este sitio web.",
  signInToChat: "Inicia sesión en este sitio web para chatear con nosotros.",

  // "hoy a las 9:00", "mañana a las 9:00", "viernes, 16 de enero a las 9:00".
  dayAt: (day, time) => `${day} a las ${time}`,
  opensAt: (when) => `El soporte abre ${when}.`,
  closedExpectation: (opens) =>
    `El soporte está cerrado. Deja un mensaje y te responderemos aquí cuando abra el soporte${opens ? ` (${opens})` : ""}.`,
  nobodyExpectation:
    "Ahora mismo no hay nadie en línea. Inicia el chat y te responderemos aquí en cuanto alguien pueda.",
  byEmailToo: "Deja tu correo electrónico para recibir también nuestra respuesta por correo.",
  greeting: "¡Hola! Cuéntanos quién eres y cómo podemos ayudarte.",

  starting: "Iniciando tu chat…",
  loadingConversation: "Cargando tu conversación…",
  waiting: "Esperando a un agente…",
  chattingWith: (name) => `Estás chateando con ${name}`,
  agentJoined: "Un agente se ha unido",
  ended: "Este chat ha terminado",
  replyThen: (byEmail) => `Entonces te responderemos ${byEmail ? "aquí y por correo electrónico" : "aquí"}.`,
  replyWhenOnline: (byEmail) =>
    `Ahora mismo no hay nadie en línea. Te responderemos ${byEmail ? "aquí y por correo electrónico" : "aquí"} en cuanto alguien pueda.`,
  nextInQueue: "Eres el siguiente en la cola.",
  numberInQueue: (n) => `Eres el número ${n} en la cola.`,
  estimatedWait: (wait) => `Espera estimada: ${wait}.`,
  lessThanMinute: "menos de un minuto",
  aboutMinutes: (n) => (n === 1 ? "un minuto aproximadamente" : `unos ${n} minutos`),
  aboutHours: (n) => (n === 1 ? "una hora aproximadamente" : `unas ${n} horas`),
  typing: (who, many) => `${who} ${many ? "están" : "está"} escribiendo…`,
  newChat: "Iniciar un nuevo chat",

  history: "Historial de la conversación",
  you: "Tú",
  seen: "Visto",
  sending: "enviando…",
  notSent: (reason) => `no enviado: ${reason}`,
  messageLabel: "Mensaje",
  messagePlaceholder: "Escribe tu mensaje…",
  send: "Enviar",
  waitForUploads: "Espera a que se suban tus archivos y luego envía.",
  charactersLeft: (n) => `${n === 1 ? "Queda" : "Quedan"} ${car(n)}`,
  charactersOver: (n) => `${car(n)} por encima del límite`,
  messageTooLong: (over, max) =>
    `El mensaje es demasiado largo: ${car(over)} por encima del límite de ${max} caracteres.`,
  detailsTooLong: (over, max) =>
    `Los detalles son demasiado largos: ${car(over)} por encima del límite de ${max} caracteres.`,

  name: "Nombre",
  email: "Correo electrónico",
  emailOptional: "Opcional, para poder hacer un seguimiento.",
  product: "Producto",
  notSure: "No estoy seguro",
  startChat: "Iniciar chat",
  startFailed: (reason) => `No se pudo iniciar tu chat: ${reason}.`,
  enterName: "Introduce tu nombre.",
  enterMessage: "Escribe un mensaje.",
  validEmailOrEmpty: "Introduce un correo electrónico válido o deja el campo vacío.",

  noAgent: "Ahora mismo no hay ningún agente disponible",
  agentAvailable: "Ya hay un agente disponible",
  supportClosed: "El soporte está cerrado",

  attachFiles: "Adjuntar archivos",
  cannotAttach: (name, reason) => `No se pudo adjuntar ${name}: ${reason}.`,
  errors: {
    connectionFailed: "la conexión ha fallado. Inténtalo de nuevo",
    ticketGone: "este ticket ya no existe",
    somethingWrongRetry: "algo ha salido mal. Inténtalo de nuevo",
    messageTooLong: "el mensaje es demasiado largo",
    chatEnded: "este chat ha terminado",
    chatGone: "este chat ya no existe",
    tooManyMessages: "demasiados mensajes, espera un momento",
    noAgent: "ahora mismo no hay ningún agente disponible",
    somethingWrong: "algo ha salido mal",
    incomplete: "la solicitud de chat estaba incompleta",
    notStarted: "no se pudo iniciar el chat",
  },
};
