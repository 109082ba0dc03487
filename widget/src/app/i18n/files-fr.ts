import type { FilesCatalogue } from "./files-en.ts";

export const filesFr: FilesCatalogue = {
  download: (name) => `Télécharger ${name}`,
  downloading: "téléchargement…",
  filesToSend: "Fichiers à envoyer",
  ready: "prêt",
  uploading: "envoi…",
  remove: (name) => `Retirer ${name}`,
  cannotDownload: (name, reason) => `Impossible de télécharger ${name} : ${reason}.`,
  tooManyFiles: (names, max) => `Impossible de joindre ${names} : ${max} fichiers au plus par message.`,
  errors: {
    fileTooLarge: "le fichier est trop volumineux",
    contentMismatch: "son contenu ne correspond pas à son type de fichier",
    typeNotAccepted: "ce type de fichier n’est pas accepté (images, PDF, zip, fichiers texte et journaux le sont)",
    tooManyUploads: "trop d’envois, veuillez patienter un instant et réessayer",
    fileGone: "il n’existe plus",
    signedOut: "vous n’êtes plus connecté à ce chat ; rechargez la page",
  },
};
