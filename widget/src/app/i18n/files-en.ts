// The words of files (download, upload, the staged list) in English. Kept apart from en.ts because
// that part is a lazy chunk: these travel with it (files.ts), not with the chat every visitor loads. A translation
// is typed `FilesCatalogue`, so a missing key fails the typecheck.
export const filesEn = {
  download: (name: string) => `Download ${name}`,
  downloading: "downloading…",
  filesToSend: "Files to send",
  ready: "ready",
  uploading: "uploading…",
  remove: (name: string) => `Remove ${name}`,
  cannotDownload: (name: string, reason: string) => `Could not download ${name}: ${reason}.`,
  tooManyFiles: (names: string, max: number) => `Could not attach ${names}: at most ${max} files go with one message.`,
  errors: {
    fileTooLarge: "the file is too large",
    contentMismatch: "its content does not match its file type",
    typeNotAccepted: "this type of file is not accepted (images, PDF, zip, text and log files are)",
    tooManyUploads: "too many uploads, please wait a moment and try again",
    fileGone: "it no longer exists",
    signedOut: "you are not signed in to this chat any more; reload the page",
  },
};

export type FilesCatalogue = typeof filesEn;
