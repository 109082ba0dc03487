import type { TicketMessageDto } from "@parley/shared";
import type { ErrorBody } from "@parley/shared/errors";
import type { TargetedSubmitEvent } from "preact";
import { useCallback, useId, useState } from "preact/hooks";
import { formatDateTime } from "../../format.ts";
import { failureOf, isUnanswered } from "../../realtime/socket.ts";
import { isTransient } from "../../state/outbox.ts";
import { draftSent, emptyDraft, type ReplyDraft, type ReplyMode, replyInput } from "../../state/ticket-thread.ts";
import { type Uploads, uploadRemoved } from "../../state/uploads.ts";
import { AttachmentLinks } from "../AttachmentLinks.tsx";
import { AttachmentPicker } from "../AttachmentPicker.tsx";
import { RichText } from "../RichText.tsx";
import { useSession } from "../session-context.ts";
import { useUploader } from "../useUploader.ts";

/** Replies and internal notes, oldest first; a live region, so a new one is read out. */
export function TicketMessages({ messages }: { messages: readonly TicketMessageDto[] }) {
  return (
    <div class="ticket-thread" role="log" aria-live="polite" aria-label="Ticket messages">
      {messages.length === 0 ? (
        <p class="muted">No replies or notes yet.</p>
      ) : (
        <ol>
          {messages.map((m) => (
            <li key={m.id} class={`tmsg tmsg--${m.author.kind}${m.internal ? " tmsg--internal" : ""}`}>
              <p class="msg-meta">
                {m.internal && <span class="msg-label">Internal note</span>}{" "}
                <span class="msg-author">{m.author.name}</span>{" "}
                <span class="muted">({m.author.kind === "customer" ? "customer" : "staff"})</span>{" "}
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </p>
              <p class="msg-body">
                <RichText body={m.body} />
              </p>
              <AttachmentLinks attachments={m.attachments} label={`Files in ${m.author.name}'s message`} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

const MODE_LABELS: Record<ReplyMode, string> = { reply: "Reply to customer", note: "Internal note" };
const UNANSWERED = "No answer from the server yet. Sending again is safe: the reply is stored only once.";

interface ReplyComposerProps {
  ticketId: string;
  onSent: (message: TicketMessageDto) => void;
}

/**
 * Reply to the customer, or add an internal note, with files. Each reply keeps one clientMsgId from the
 * first attempt until the server has stored it, so "Send" again after no answer cannot post it twice.
 */
export function ReplyComposer({ ticketId, onSent }: ReplyComposerProps) {
  const session = useSession();
  const [draft, setDraft] = useState<ReplyDraft>(() => emptyDraft());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorBody | null>(null);
  const ids = { text: useId(), problem: useId(), heading: useId() };
  const updateUploads = useCallback(
    (change: (u: Uploads) => Uploads) => setDraft((d) => ({ ...d, uploads: change(d.uploads) })),
    [],
  );
  const upload = useUploader({ ticketId }, updateUploads);

  const submit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const built = replyInput(ticketId, draft);
    if (!built.ok) {
      setProblem({ code: "BAD_REQUEST", message: built.message });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await session.tickets.reply(built.input);
    setBusy(false);
    if (result.ok) {
      onSent(result.data.message);
      setDraft((d) => (d.clientMsgId === built.input.clientMsgId ? draftSent(d) : d));
      return;
    }
    const error = failureOf(result, UNANSWERED);
    if (!isUnanswered(result) && isTransient(result.error.code)) {
      setProblem({ ...error, message: `${error.message} Sending again is safe.` });
    } else {
      setProblem(error);
    }
  };

  return (
    <form class="ticket-composer" aria-labelledby={ids.heading} onSubmit={submit} aria-busy={busy}>
      <h3 id={ids.heading}>Add to the ticket</h3>
      <fieldset class="reply-mode">
        <legend>Send as</legend>
        {(["reply", "note"] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${ids.heading}-mode`}
              value={mode}
              checked={draft.mode === mode}
              onChange={() => setDraft((d) => ({ ...d, mode }))}
            />{" "}
            {MODE_LABELS[mode]}
          </label>
        ))}
      </fieldset>
      <label for={ids.text}>
        {draft.mode === "note" ? "Note (only staff see it)" : "Reply (the customer sees it)"}
      </label>
      <textarea
        id={ids.text}
        rows={5}
        value={draft.text}
        // Held while sending: the answer clears the box, which must not take words typed meanwhile.
        readOnly={busy}
        aria-invalid={problem?.code === "BAD_REQUEST" || problem?.code === "MESSAGE_TOO_LONG"}
        aria-describedby={problem ? ids.problem : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setDraft((d) => ({ ...d, text }));
        }}
      />
      <AttachmentPicker
        uploads={draft.uploads}
        onPick={(files) => {
          setProblem(null);
          upload(files);
        }}
        onRemove={(key) => updateUploads((u) => uploadRemoved(u, key))}
      />
      {problem && (
        <p id={ids.problem} class="error" role="alert">
          {problem.message}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Send
        </button>
      </div>
    </form>
  );
}
