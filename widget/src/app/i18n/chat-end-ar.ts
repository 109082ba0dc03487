import type { ChatEndCatalogue } from "./chat-end-en.ts";

export const chatEndAr: ChatEndCatalogue = {
  rateTitle: "كيف كانت هذه الدردشة؟",
  ratingLabel: { good: "جيدة", bad: "سيئة" },
  commentLabel: "هل تودّ إضافة شيء؟ (اختياري)",
  onceHint: "يمكنك تقييم الدردشة مرة واحدة فقط؛ ولا يمكن تغيير التقييم بعد إرساله.",
  sendRating: "إرسال التقييم",
  sendingRating: "جارٍ إرسال تقييمك…",
  thanks: (label) => `شكرًا لك! تقييمك لهذه الدردشة: ${label}.`,
  yourComment: "تعليقك:",
  transcriptTitle: "أرسل لي نص الدردشة بالبريد الإلكتروني",
  emailLabel: "عنوان البريد الإلكتروني",
  emailHintGiven: "اتركه فارغًا لاستخدام البريد الإلكتروني الذي قدّمته عند بدء الدردشة.",
  sendTranscript: "إرسال نص الدردشة",
  sendingTranscript: "جارٍ إرسال نص الدردشة…",
  transcriptSentTo: (to) => `نص الدردشة في طريقه إلى ${to}.`,
  transcriptSent: "تم إرسال نص هذه الدردشة.",
  errors: {
    offline: "أنت غير متصل؛ حاول مرة أخرى بعد قليل.",
    alreadyRated: "تم تقييم هذه الدردشة من قبل.",
    alreadySent: "تم إرسال نص هذه الدردشة من قبل.",
    badEmail: "أدخل عنوان بريد إلكتروني صالحًا.",
    tooLong: (max) => `يجب ألا يتجاوز التعليق ${max} حرفًا.`,
    generic: "لم ينجح ذلك؛ حاول مرة أخرى.",
  },
};
