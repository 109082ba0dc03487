import type { FilesCatalogue } from "./files-en.ts";

export const filesDe: FilesCatalogue = {
  download: (name) => `${name} herunterladen`,
  downloading: "wird heruntergeladen…",
  filesToSend: "Zu sendende Dateien",
  ready: "bereit",
  uploading: "wird hochgeladen…",
  remove: (name) => `${name} entfernen`,
  cannotDownload: (name, reason) => `${name} konnte nicht heruntergeladen werden: ${reason}.`,
  tooManyFiles: (names, max) =>
    `${names} konnte nicht angehängt werden: Eine Nachricht kann höchstens ${max} Dateien enthalten.`,
  errors: {
    fileTooLarge: "Die Datei ist zu groß",
    contentMismatch: "Ihr Inhalt passt nicht zu ihrem Dateityp",
    typeNotAccepted: "Dieser Dateityp wird nicht angenommen (Bilder, PDF, ZIP, Text- und Logdateien schon)",
    tooManyUploads: "Zu viele Uploads, bitte warten Sie einen Moment und versuchen Sie es erneut",
    fileGone: "Sie existiert nicht mehr",
    signedOut: "Sie sind in diesem Chat nicht mehr angemeldet; laden Sie die Seite neu",
  },
};
