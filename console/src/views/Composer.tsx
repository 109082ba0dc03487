import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from "preact";
import { useCallback, useId, useState } from "preact/hooks";
import { attachmentIdsOf, bodyWithFiles, type Uploads, uploadRemoved, uploadsBlocker } from "../state/uploads.ts";
import { AttachmentPicker } from "./AttachmentPicker.tsx";
import { useCannedPicker } from "./CannedLazy.tsx";
import { fileDropHandlers } from "./file-drop.ts";
import { useUploader } from "./useUploader.ts";

interface ComposerProps {
  conversationId: string;
  /** Text typed earlier in this conversation and not sent (kept when switching chats). */
  draft: string;
  onDraft: (text: string) => void;
  onSend: (body: string, attachmentIds: string[]) => void;
  /** Typing indicators, throttled by the caller. */
  onTyping?: (hasText: boolean) => void;
  onStopTyping?: () => void;
}

export function Composer({ conversationId, draft, onDraft, onSend, onTyping, onStopTyping }: ComposerProps) {
  const [text, setTextState] = useState(draft);
  const [uploads, setUploads] = useState<Uploads>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const updateUploads = useCallback((change: (u: Uploads) => Uploads) => setUploads(change), []);
  const upload = useUploader({ conversationId }, updateUploads);
  const setText = (value: string) => {
    setTextState(value);
    onDraft(value);
    onTyping?.(value.trim() !== "");
  };
  const canned = useCannedPicker(conversationId, text, setText, setProblem);
  const inputId = useId();
  const hintId = useId();
  const length = text.trim().length;
  const tooLong = length > MAX_MESSAGE_LENGTH;

  const submit = () => {
    const blocked = uploadsBlocker(uploads);
    if (blocked) {
      setProblem(blocked);
      return;
    }
    // Files alone are a message too: their names are its text.
    const body = bodyWithFiles(text, uploads);
    if (!body || tooLong) return;
    onSend(body, attachmentIdsOf(uploads));
    setText("");
    setUploads([]);
    setProblem(null);
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate must not send half a word.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const pick = (files: File[]) => {
    setProblem(null);
    upload(files);
  };

  return (
    <form class="composer" onSubmit={onSubmit} {...fileDropHandlers(pick)}>
      <label for={inputId}>Message</label>
      {canned.picker}
      <div class="composer-row">
        <textarea
          id={inputId}
          ref={canned.ref}
          rows={3}
          value={text}
          aria-describedby={hintId}
          aria-invalid={tooLong}
          onInput={(e) => {
            setText(e.currentTarget.value);
            canned.typed(e.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={onStopTyping}
        />
        {canned.button}
        <button type="submit" class="primary">
          Send
        </button>
      </div>
      <AttachmentPicker uploads={uploads} onPick={pick} onRemove={(key) => setUploads((u) => uploadRemoved(u, key))} />
      <p id={hintId} class={tooLong || problem ? "hint hint--error" : "hint"}>
        {tooLong
          ? `Too long: ${length} of ${MAX_MESSAGE_LENGTH} characters.`
          : (problem ?? "Enter sends, Shift+Enter starts a new line.")}
      </p>
    </form>
  );
}
