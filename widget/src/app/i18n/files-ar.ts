import type { FilesCatalogue } from "./files-en.ts";

export const filesAr: FilesCatalogue = {
  download: (name) => `تنزيل ${name}`,
  downloading: "جارٍ التنزيل…",
  filesToSend: "الملفات المراد إرسالها",
  ready: "جاهز",
  uploading: "جارٍ الرفع…",
  remove: (name) => `إزالة ${name}`,
  cannotDownload: (name, reason) => `تعذّر تنزيل ${name}: ${reason}.`,
  tooManyFiles: (names, max) => `تعذّر إرفاق ${names}: الحد الأقصى لعدد الملفات في الرسالة الواحدة ${max}.`,
  errors: {
    fileTooLarge: "الملف كبير جدًا",
    contentMismatch: "محتواه لا يطابق نوع الملف",
    typeNotAccepted: "هذا النوع من الملفات غير مقبول (المقبول: الصور وPDF وzip والملفات النصية وملفات السجل)",
    tooManyUploads: "عمليات رفع كثيرة جدًا، يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى",
    fileGone: "لم يعد موجودًا",
    signedOut: "لم تعد مسجّل الدخول في هذه الدردشة؛ أعد تحميل الصفحة",
  },
};
