import type { FilesCatalogue } from "./files-en.ts";

export const filesEs: FilesCatalogue = {
  download: (name) => `Descargar ${name}`,
  downloading: "descargando…",
  filesToSend: "Archivos para enviar",
  ready: "listo",
  uploading: "subiendo…",
  remove: (name) => `Quitar ${name}`,
  cannotDownload: (name, reason) => `No se pudo descargar ${name}: ${reason}.`,
  tooManyFiles: (names, max) => `No se pudo adjuntar ${names}: un mensaje admite como máximo ${max} archivos.`,
  errors: {
    fileTooLarge: "el archivo es demasiado grande",
    contentMismatch: "su contenido no coincide con su tipo de archivo",
    typeNotAccepted: "este tipo de archivo no se admite (sí se admiten imágenes, PDF, zip, texto y registros)",
    tooManyUploads: "demasiadas subidas, espera un momento e inténtalo de nuevo",
    fileGone: "ya no existe",
    signedOut: "ya no has iniciado sesión en este chat; recarga la página",
  },
};
