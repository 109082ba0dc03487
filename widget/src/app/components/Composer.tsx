import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { useEffect, useState } from "preact/hooks";
import { isSubmitKey, lengthProblem } from "../message-rules.ts";

interface Props {
  onSend: (body: string) => void;
}

/** Show the countdown only near the limit: a permanent counter is noise. */
const COUNTDOWN_FROM = 500;

export function Composer({ onSend }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const length = text.trim().length;
  const remaining = MAX_MESSAGE_LENGTH - length;
  const problem = lengthProblem(length);

  useEffect(() => {
    if (!problem) setError(null);
  }, [problem]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body) return;
    if (problem) {
      setError(problem);
      return;
    }
    onSend(body);
    setText("");
    setError(null);
  };

  return (
    <form class="composer" onSubmit={submit}>
      <label class="sr-only" for="parley-composer">
        Message
      </label>
      <textarea
        id="parley-composer"
        rows={2}
        data-autofocus
        placeholder="Type your message…"
        value={text}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby="parley-composer-hint parley-composer-error"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (isSubmitKey(e)) submit(e);
        }}
      />
      <button type="submit" class="primary">
        Send
      </button>
      <p class="hint" id="parley-composer-hint" data-over={remaining < 0 ? "" : undefined}>
        {countdown(remaining)}
      </p>
      <p class="error" id="parley-composer-error" role="alert">
        {error}
      </p>
    </form>
  );
}

function countdown(remaining: number): string {
  if (remaining < 0) return `${-remaining} character${remaining === -1 ? "" : "s"} over the limit`;
  return remaining <= COUNTDOWN_FROM ? `${remaining} characters left` : "";
}
