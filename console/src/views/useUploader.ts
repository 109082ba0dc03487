import { useCallback } from "preact/hooks";
import { type UploadTarget, uploadAttachment } from "../api/attachments.ts";
import { type Uploads, uploadDone, uploadFailed, uploadsStarted } from "../state/uploads.ts";

type UpdateUploads = (change: (uploads: Uploads) => Uploads) => void;

/**
 * Starts one upload per picked file, in parallel, and records each one's outcome by key in the caller's
 * uploads (so a composer keeps its files with the rest of its draft).
 */
export function useUploader(target: UploadTarget, update: UpdateUploads) {
  const key = "ticketId" in target ? `t:${target.ticketId}` : `c:${target.conversationId}`;
  // `key` stands for `target`, a new object on every render.
  return useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      // Keys are drawn here, not inside the state updater, which runs later.
      const started = uploadsStarted([], files);
      update((uploads) => [...uploads, ...started]);
      started.forEach((upload, i) => {
        const file = files[i];
        if (!file) return;
        void uploadAttachment(file, target).then((result) =>
          update((uploads) =>
            result.ok
              ? uploadDone(uploads, upload.key, result.attachment)
              : uploadFailed(uploads, upload.key, result.error.message),
          ),
        );
      });
    },
    [key, update],
  );
}
