import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import type { TargetedKeyboardEvent, TargetedSubmitEvent } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { failureOf } from "../realtime/socket.ts";
import { newClientMsgId } from "../state/outbox.ts";
import { useSession } from "./session-context.ts";

const UNANSWERED = "The server did not answer in time. Send again: the whisper will not be stored twice.";

interface WhisperBoxProps {
  conversationId: string;
  /** Who the whisper is for: the agent handling the chat, if any. */
  agentName: string | null;
}

/**
 * A lead's note to the agent inside the chat (`conversation:whisper`); the visitor never receives it. The
 * same text keeps its clientMsgId until it is stored, so sending again after a lost answer stores it once.
 */
export function WhisperBox({ conversationId, agentName }: WhisperBoxProps) {
  const session = useSession();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState("");
  const pending = useRef<{ body: string; clientMsgId: string } | null>(null);
  const inputId = useId();
  const hintId = useId();
  const body = text.trim();
  const tooLong = body.length > MAX_MESSAGE_LENGTH;
  const target = agentName ? `Whisper to ${agentName}` : "Whisper to staff";

  const submit = async () => {
    if (busy || !body || tooLong) return;
    if (pending.current?.body !== body) pending.current = { body, clientMsgId: newClientMsgId() };
    const { clientMsgId } = pending.current;
    setBusy(true);
    setProblem(null);
    setSent("");
    const result = await session.conversations.whisper({ conversationId, clientMsgId, body });
    setBusy(false);
    if (!result.ok) {
      setProblem(failureOf(result, UNANSWERED).message);
      return;
    }
    pending.current = null;
    setText("");
    session.extras?.signals.stopTyping();
    setSent(agentName ? `Whisper sent to ${agentName}.` : "Whisper sent.");
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  };
  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  return (
    <form class="composer whisper" onSubmit={onSubmit} aria-busy={busy}>
      <label for={inputId}>Whisper (only staff see it)</label>
      <div class="composer-row">
        <textarea
          id={inputId}
          rows={2}
          value={text}
          aria-describedby={hintId}
          aria-invalid={tooLong}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setSent("");
            // Typing a note: staff who have the chat open see it, the visitor never does.
            session.extras?.signals.input(conversationId, e.currentTarget.value.trim() !== "", true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => session.extras?.signals.stopTyping()}
        />
        <button type="submit" aria-disabled={busy}>
          {target}
        </button>
      </div>
      <p id={hintId} class={tooLong ? "hint hint--error" : "hint"}>
        {tooLong
          ? `Too long: ${body.length} of ${MAX_MESSAGE_LENGTH} characters.`
          : "The visitor does not see whispers. Enter sends, Shift+Enter starts a new line."}
      </p>
      {/* Both always mounted, so what appears in them is announced. */}
      <p class="hint hint--error" role="alert">
        {problem}
      </p>
      <p class="sr-only" role="status">
        {sent}
      </p>
    </form>
  );
}
