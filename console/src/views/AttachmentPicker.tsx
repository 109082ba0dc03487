import { ATTACHMENT_ACCEPT } from "@parley/shared/constants";
import { useId } from "preact/hooks";
import { formatBytes } from "../format.ts";
import type { Upload, Uploads } from "../state/uploads.ts";

interface AttachmentPickerProps {
  uploads: Uploads;
  onPick: (files: File[]) => void;
  onRemove: (key: string) => void;
}

const STATE_TEXT: Record<Upload["status"], string> = {
  uploading: "Uploading…",
  done: "Uploaded",
  failed: "Not uploaded",
};

/**
 * "Attach files" (a native file input, so it works from the keyboard), then each picked file by name with
 * its upload state or the server's reason for refusing it, and a Remove button per file.
 */
export function AttachmentPicker({ uploads, onPick, onRemove }: AttachmentPickerProps) {
  const inputId = useId();
  return (
    <div class="attach">
      <label for={inputId} class="attach-label">
        Attach files
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        onChange={(e) => {
          const input = e.currentTarget;
          onPick(Array.from(input.files ?? []));
          // The same file can be picked again after it was removed.
          input.value = "";
        }}
      />
      {/* Always mounted, so each upload's progress and outcome are announced. */}
      <div aria-live="polite">
        {uploads.length > 0 && (
          <ul class="uploads" aria-label="Files to send">
            {uploads.map((u) => (
              <li key={u.key} class={`upload upload--${u.status}`}>
                <span class="upload-name">{u.name}</span> <span class="muted">({formatBytes(u.size)})</span>{" "}
                <span class="upload-state">
                  {STATE_TEXT[u.status]}
                  {u.error && `: ${u.error}`}
                </span>{" "}
                <button
                  type="button"
                  class="link-button"
                  aria-label={`Remove ${u.name}`}
                  onClick={() => onRemove(u.key)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
