import type { OfflineCatalogue } from "./offline-en.ts";

export const offlineAr: OfflineCatalogue = {
  enterEmail: "يُرجى إدخال بريدك الإلكتروني حتى نتمكن من الرد.",
  validEmail: "يُرجى إدخال بريد إلكتروني صالح.",
  describeNeed: "يُرجى وصف ما تحتاج إليه.",
  refusedIntro: "تعذّر بدء الدردشة، لذا وضعنا رسالتك في النموذج أدناه: أرسلها كطلب وسنرد عليك عبر البريد الإلكتروني.",
  requestIntro: "اترك لنا طلبًا وسنرد عليك عبر البريد الإلكتروني.",
  orLeaveMessage: ["أو ", "اترك رسالة في الدردشة", "، وسنرد عليها هنا عندما يفتح الدعم."],
  chatWithAgent: "تحدّث مع موظف دعم",
  requestRetrying: (problem) => `لم يُرسل طلبك بعد (${problem})؛ نواصل المحاولة.`,
  sendingRequest: "جارٍ إرسال طلبك…",
  requestSent: (reference) => `شكرًا، استلمنا طلبك. رقمك المرجعي هو ${reference}.`,
  requestFailed: (reason) => `تعذّر إرسال طلبك: ${reason}`,
  priority: "الأولوية",
  priorities: { low: "منخفضة", medium: "متوسطة", high: "عالية", critical: "حرجة" },
  priorityHint: "حرجة: لا يمكن الاستخدام. عالية: خلل كبير. متوسطة: ميزة متأثرة. منخفضة: مشكلة بسيطة.",
  details: "التفاصيل",
  detailsHint: "ماذا حدث، وخطوات إعادة إنتاج المشكلة.",
  sendRequest: "إرسال الطلب",
};
