import type { Catalogue } from "./en.ts";

/** Arabic counts: one, two (dual), three to ten (plural), eleven and up (singular accusative). */
const count = (n: number, one: string, two: string, few: string, many: string) =>
  n === 1 ? one : n === 2 ? two : n % 100 >= 3 && n % 100 <= 10 ? `${n} ${few}` : `${n} ${many}`;
const minutes = (n: number) => count(n, "دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة");
const hours = (n: number) => count(n, "ساعة واحدة", "ساعتان", "ساعات", "ساعة");
const chars = (n: number) => count(n, "حرف واحد", "حرفان", "أحرف", "حرفًا");

export const ar: Catalogue = {
  lang: "ar",
  dir: "rtl",

  title: "تحدّث مع الدعم",
  connecting: "جارٍ الاتصال…",
  reconnecting: "جارٍ إعادة الاتصال…",
  minimize: "تصغير نافذة الدردشة",
  myTickets: "تذاكري",
  backToChat: "العودة إلى الدردشة",
  checking: "جارٍ التحقق من توفّر موظف دعم…",
  requestFormInstead: "إرسال نموذج طلب بدلًا من ذلك",
  loadingTickets: "جارٍ تحميل تذاكرك…",
  ticketsFailed: "تعذّر تحميل تذاكرك.",
  tryAgain: "إعادة المحاولة",
  loadingForm: "جارٍ التحميل…",
  formFailed: "تعذّر تحميل النموذج.",
  notSetUp: "الدردشة غير مُعدّة لهذا الموقع.",
  notAvailableHere: "الدردشة غير متاحة على هذا الموقع.",
  signInToChat: "سجّل الدخول إلى هذا الموقع للدردشة معنا.",

  dayAt: (day, time) => `${day} الساعة ${time}`,
  opensAt: (when) => `يفتح الدعم ${when}.`,
  closedExpectation: (opens) => `الدعم مغلق. اترك رسالة وسنرد عليك هنا عندما يفتح الدعم${opens ? ` ${opens}` : ""}.`,
  nobodyExpectation: "لا يوجد أحد متصل الآن. ابدأ الدردشة وسنرد عليك هنا فور توفّر أحد.",
  byEmailToo: "اترك بريدك الإلكتروني لتصلك إجابتنا عبر البريد أيضًا.",
  greeting: "مرحبًا! أخبرنا من أنت وكيف يمكننا مساعدتك.",

  starting: "جارٍ بدء الدردشة…",
  loadingConversation: "جارٍ تحميل محادثتك…",
  waiting: "في انتظار موظف دعم…",
  chattingWith: (name) => `أنت تتحدث مع ${name}`,
  agentJoined: "انضم موظف دعم",
  ended: "انتهت هذه الدردشة",
  replyThen: (byEmail) => `سنرد عليك حينها ${byEmail ? "هنا وعبر البريد الإلكتروني" : "هنا"}.`,
  replyWhenOnline: (byEmail) =>
    `لا يوجد أحد متصل الآن. سنرد عليك ${byEmail ? "هنا وعبر البريد الإلكتروني" : "هنا"} فور توفّر أحد.`,
  nextInQueue: "أنت التالي في قائمة الانتظار.",
  numberInQueue: (n) => `ترتيبك ${n} في قائمة الانتظار.`,
  estimatedWait: (wait) => `مدة الانتظار المتوقعة: ${wait}.`,
  lessThanMinute: "أقل من دقيقة",
  aboutMinutes: (n) => `نحو ${minutes(n)}`,
  aboutHours: (n) => `نحو ${hours(n)}`,
  typing: (who, many) => `${who} ${many ? "يكتبون" : "يكتب"}…`,
  newChat: "بدء دردشة جديدة",

  history: "سجل المحادثة",
  you: "أنت",
  seen: "شوهدت",
  sending: "جارٍ الإرسال…",
  notSent: (reason) => `لم تُرسل: ${reason}`,
  messageLabel: "الرسالة",
  messagePlaceholder: "اكتب رسالتك…",
  send: "إرسال",
  waitForUploads: "يُرجى الانتظار حتى يكتمل رفع ملفاتك، ثم الإرسال.",
  charactersLeft: (n) => `المتبقي: ${chars(n)}`,
  charactersOver: (n) => `تجاوزت الحد بـ${chars(n)}`,
  messageTooLong: (over, max) => `الرسالة طويلة جدًا: تتجاوز حد ${max} حرف بـ${chars(over)}.`,
  detailsTooLong: (over, max) => `التفاصيل طويلة جدًا: تتجاوز حد ${max} حرف بـ${chars(over)}.`,

  name: "الاسم",
  email: "البريد الإلكتروني",
  emailOptional: "اختياري، حتى نتمكن من متابعة طلبك.",
  product: "المنتج",
  notSure: "غير متأكد",
  startChat: "بدء الدردشة",
  startFailed: (reason) => `تعذّر بدء الدردشة: ${reason}.`,
  enterName: "يُرجى إدخال اسمك.",
  enterMessage: "يُرجى كتابة رسالة.",
  validEmailOrEmpty: "يُرجى إدخال بريد إلكتروني صالح، أو ترك الحقل فارغًا.",

  noAgent: "لا يتوفر موظف دعم الآن",
  agentAvailable: "يتوفر موظف دعم الآن",
  supportClosed: "الدعم مغلق",

  attachFiles: "إرفاق ملفات",
  cannotAttach: (name, reason) => `تعذّر إرفاق ${name}: ${reason}.`,
  errors: {
    connectionFailed: "فشل الاتصال. يُرجى المحاولة مرة أخرى",
    ticketGone: "هذه التذكرة لم تعد موجودة",
    somethingWrongRetry: "حدث خطأ ما. يُرجى المحاولة مرة أخرى",
    messageTooLong: "الرسالة طويلة جدًا",
    chatEnded: "انتهت هذه الدردشة",
    chatGone: "هذه الدردشة لم تعد موجودة",
    tooManyMessages: "رسائل كثيرة جدًا، يُرجى الانتظار قليلًا",
    noAgent: "لا يتوفر موظف دعم الآن",
    somethingWrong: "حدث خطأ ما",
    incomplete: "طلب الدردشة غير مكتمل",
    notStarted: "تعذّر بدء الدردشة",
  },
};
