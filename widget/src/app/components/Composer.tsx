import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { useEffect, useState } from "preact/hooks";
import { type AttachmentRef, bodyWithFiles, type UploadTarget } from "../attachments.ts";
import type { Catalogue } from "../i18n/en.ts";
import { text as words } from "../i18n/language.ts";
import { isSubmitKey, lengthProblem } from "../message-rules.ts";
import { AttachControl, StagedFiles, useUploads } from "./Files.tsx";
import { fileDropHandlers } from "./file-drop.ts";

interface Props {
  onSend: (body: string, attachments: AttachmentRef[]) => void;
  /** Where files go: the chat on screen; null until the chat exists (attaching is hidden until then). */
  uploadTarget: UploadTarget | null;
  /** Typing indicators: throttled by the caller. */
  onTyping: (hasText: boolean) => void;
  onStopTyping: () => void;
}

/** Show the countdown only near the limit: a permanent counter is noise. */
const COUNTDOWN_FROM = 500;

export function Composer({ onSend, uploadTarget, onTyping, onStopTyping }: Props) {
  const [text, setText] = useState("");
  const uploads = useUploads(uploadTarget);
  const [error, setError] = useState<string | null>(null);
  const length = text.trim().length;
  const remaining = MAX_MESSAGE_LENGTH - length;
  const problem = lengthProblem(length);
  const t = words();

  useEffect(() => {
    if (!problem && !uploads.uploading) setError(null);
  }, [problem, uploads.uploading]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    const files = uploads.ready;
    if (!text.trim() && files.length === 0) return;
    if (uploads.uploading) {
      setError(t.waitForUploads);
      return;
    }
    if (problem) {
      setError(problem);
      return;
    }
    onSend(bodyWithFiles(text, files), files);
    setText("");
    setError(null);
    uploads.clear();
  };

  return (
    <form class="composer" onSubmit={submit} {...fileDropHandlers(uploads.add)}>
      <label class="sr-only" for="parley-composer">
        {t.messageLabel}
      </label>
      <textarea
        id="parley-composer"
        rows={2}
        data-autofocus
        placeholder={t.messagePlaceholder}
        value={text}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby="parley-composer-hint parley-composer-error"
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping(e.currentTarget.value.trim() !== "");
        }}
        onBlur={onStopTyping}
        onKeyDown={(e) => {
          if (isSubmitKey(e)) submit(e);
        }}
      />
      <button type="submit" class="primary">
        {t.send}
      </button>
      {uploadTarget && (
        <div class="attachments">
          <AttachControl id="parley-composer-files" onPick={uploads.add} />
          <StagedFiles uploads={uploads} />
        </div>
      )}
      <p class="hint" id="parley-composer-hint" data-over={remaining < 0 ? "" : undefined}>
        {countdown(remaining, t)}
      </p>
      <p class="error" id="parley-composer-error" role="alert">
        {error}
      </p>
    </form>
  );
}

function countdown(remaining: number, t: Catalogue): string {
  if (remaining < 0) return t.charactersOver(-remaining);
  return remaining <= COUNTDOWN_FROM ? t.charactersLeft(remaining) : "";
}
