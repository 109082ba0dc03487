import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from "preact";
import { useId, useState } from "preact/hooks";

interface ComposerProps {
  /** Text typed earlier in this conversation and not sent (kept when switching chats). */
  draft: string;
  onDraft: (text: string) => void;
  onSend: (body: string) => void;
}

export function Composer({ draft, onDraft, onSend }: ComposerProps) {
  const [text, setTextState] = useState(draft);
  const setText = (value: string) => {
    setTextState(value);
    onDraft(value);
  };
  const inputId = useId();
  const hintId = useId();
  const length = text.trim().length;
  const tooLong = length > MAX_MESSAGE_LENGTH;

  const submit = () => {
    const body = text.trim();
    if (!body || tooLong) return;
    onSend(body);
    setText("");
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

  return (
    <form class="composer" onSubmit={onSubmit}>
      <label for={inputId}>Message</label>
      <div class="composer-row">
        <textarea
          id={inputId}
          rows={3}
          value={text}
          aria-describedby={hintId}
          aria-invalid={tooLong}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="primary">
          Send
        </button>
      </div>
      <p id={hintId} class={tooLong ? "hint hint--error" : "hint"}>
        {tooLong
          ? `Too long: ${length} of ${MAX_MESSAGE_LENGTH} characters.`
          : "Enter sends, Shift+Enter starts a new line."}
      </p>
    </form>
  );
}
