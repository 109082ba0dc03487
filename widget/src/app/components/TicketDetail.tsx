import type { TicketMessageDto, VisitorTicketDto } from "@parley/shared";
import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { bodyWithFiles } from "../attachments.ts";
import { text as words } from "../i18n/language.ts";
import { ticketsText } from "../i18n/tickets.ts";
import { isSubmitKey } from "../message-rules.ts";
import { formatTime } from "../opening-time.ts";
import { request } from "../request.ts";
import type { TicketFeed } from "../ticket-feed.ts";
import { type PendingReply, type ThreadState, TicketThread } from "../ticket-thread.ts";
import { autoCloseText, priorityText, targetLines, ticketStatusText } from "../ticket-wording.ts";
import { useStore } from "../use-store.ts";
import { AttachControl, FileLinks, StagedFiles, useUploads } from "./Files.tsx";
import { ManualSuggestions } from "./ManualSuggestions.tsx";
import { RichText } from "./RichText.tsx";
import { TicketMeetings } from "./TicketMeetings.tsx";
import { useFocusOnMount } from "./use-focus.ts";

interface Props {
  ticketId: string;
  /** From the feed's list; undefined until it has been read. */
  ticket: VisitorTicketDto | undefined;
  feed: TicketFeed;
  now: Date;
  onBack: () => void;
}

const TITLE_ID = "parley-ticket-title";

export function TicketDetail({ ticketId, ticket, feed, now, onBack }: Props) {
  const [thread] = useState(() => new TicketThread(feed, ticketId));
  useEffect(() => () => thread.close(), [thread]);
  const state = useStore(thread.store);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const status = ticket?.status;
  const t = ticketsText();

  // Answering a resolution (or a change pushed meanwhile) removes the control that had focus: without this
  // it would fall to the host page's <body>.
  useLayoutEffect(() => {
    const el = heading.current;
    if (!el) return;
    const root = el.getRootNode() as ShadowRoot;
    const lost = !root.activeElement && (!document.activeElement || document.activeElement === document.body);
    if (lost && el.closest(".panel:not([hidden])")) el.focus();
  }, [status]);

  return (
    <section class="ticket" aria-labelledby={TITLE_ID}>
      <div class="ticket-bar">
        <button type="button" class="link-button" onClick={onBack}>
          {t.back}
        </button>
      </div>
      <h3 class="view-title" id={TITLE_ID} tabIndex={-1} data-autofocus ref={heading}>
        {ticket ? `${ticket.number} · ${ticket.subject}` : t.yourTicket}
      </h3>
      {ticket && (
        <div class="ticket-facts">
          <p role="status" class="ticket-status">
            {t.status(ticketStatusText(ticket.status))}
          </p>
          <p class="ticket-meta">
            {priorityText(ticket.priority)}
            {ticket.assigneeName && t.handledBy(ticket.assigneeName)}
          </p>
          {targetLines(ticket, now).map((line) => (
            <p class="ticket-target" key={line}>
              {line}
            </p>
          ))}
        </div>
      )}
      <TicketMeetings ticketId={ticketId} feed={feed} />
      <Replies messages={state.messages} pending={state.pending} load={state.load} thread={thread} />
      {state.load === "failed" && (
        <p class="ticket-problem">
          <span class="error">{t.loadFailed}</span>{" "}
          <button type="button" class="link-button" onClick={() => void thread.load()}>
            {words().tryAgain}
          </button>
        </p>
      )}
      {ticket?.status === "resolved" && <Resolution ticket={ticket} thread={thread} now={now} />}
      {ticket && ticket.status !== "resolved" && ticket.status !== "closed" && state.load !== "gone" && (
        <ReplyForm
          ticketId={ticketId}
          feed={feed}
          onSend={(body, files) => thread.reply(body, files)}
          uploadTarget={{ ticketId }}
        />
      )}
      {ticket?.status === "closed" && <p class="ticket-closed">{t.closed}</p>}
    </section>
  );
}

function Replies({
  messages,
  pending,
  load,
  thread,
}: {
  messages: readonly TicketMessageDto[];
  pending: readonly PendingReply[];
  load: ThreadState["load"];
  thread: TicketThread;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);
  const delivered = new Set(messages.map((m) => m.clientMsgId));
  const t = ticketsText();
  const you = words().you;
  return (
    // Focusable: with a web conference card above it the log can be a few lines tall and scroll, and a
    // keyboard user must be able to scroll it (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is reached by keyboard through its tabindex
    <div class="log ticket-log" role="log" aria-live="polite" aria-label={t.replies} ref={ref} tabIndex={0}>
      {load === "loading" && messages.length === 0 && <p class="empty">{t.loadingReplies}</p>}
      {load === "gone" && <p class="empty">{t.gone}</p>}
      {load === "ready" && messages.length === 0 && pending.length === 0 && <p class="empty">{t.noReplies}</p>}
      {messages.map((m) => (
        // Keyed by clientMsgId, as the pending copy was, so a sent reply turns into the stored one in place.
        <div key={m.clientMsgId} class={`msg ${m.author.kind === "staff" ? "msg-agent" : "msg-visitor"}`}>
          <div class="meta">
            <span class="author">{m.author.kind === "customer" ? you : m.author.name}</span>
            <time dateTime={m.createdAt}>{formatWhen(m.createdAt)}</time>
          </div>
          {m.body !== bodyWithFiles("", m.attachments ?? []) && (
            <p class="body">
              <RichText body={m.body} />
            </p>
          )}
          <FileLinks files={m.attachments} />
        </div>
      ))}
      {pending
        .filter((p) => !delivered.has(p.clientMsgId))
        .map((p) => (
          <div key={p.clientMsgId} class={`msg msg-visitor ${p.failure ? "msg-failed" : "msg-pending"}`}>
            <div class="meta">
              <span class="author">{you}</span>
            </div>
            <p class="body">
              <RichText body={p.body} />
            </p>
            <p class="note">{p.failure ? words().notSent(p.failure.reason) : words().sending}</p>
            {p.failure?.retry && (
              <button type="button" class="link-button" onClick={() => thread.retry(p.clientMsgId)}>
                {t.sendAgain}
              </button>
            )}
          </div>
        ))}
    </div>
  );
}

/** A resolved ticket asks the customer: fixed (it closes), or still affecting them (it reopens, with why). */
function Resolution({ ticket, thread, now }: { ticket: VisitorTicketDto; thread: TicketThread; now: Date }) {
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const stillButton = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  const autoClose = autoCloseText(ticket, now);
  const t = ticketsText();

  // Opening the comment form focuses its field; closing it puts focus back on the button that opened it.
  useLayoutEffect(() => {
    if (rejecting) commentRef.current?.focus();
    else if (toggled.current) stillButton.current?.focus();
    toggled.current = true;
  }, [rejecting]);

  const respond = async (action: "confirm" | "reject") => {
    if (busy) return;
    setBusy(true);
    setProblem(await thread.respond(action, action === "reject" ? comment : ""));
    setBusy(false);
  };

  return (
    <div class="resolution">
      <fieldset>
        <legend class="question">{t.question}</legend>
        {autoClose && <p class="hint">{autoClose}</p>}
        {rejecting ? (
          <form
            class="reject"
            onSubmit={(e) => {
              e.preventDefault();
              void respond("reject");
            }}
          >
            <label for="parley-reject-comment">{t.whatStillHappens}</label>
            <textarea
              id="parley-reject-comment"
              rows={3}
              maxLength={MAX_MESSAGE_LENGTH}
              value={comment}
              ref={commentRef}
              onInput={(e) => setComment(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Escape here only closes this form, not the ticket.
                if (e.key === "Escape") {
                  e.stopPropagation();
                  setRejecting(false);
                }
              }}
            />
            <div class="actions">
              <button type="submit" class="primary" aria-disabled={busy ? "true" : undefined}>
                {t.reopen}
              </button>
              <button type="button" class="secondary" onClick={() => setRejecting(false)}>
                {t.cancel}
              </button>
            </div>
          </form>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="primary"
              aria-disabled={busy ? "true" : undefined}
              onClick={() => void respond("confirm")}
            >
              {t.fixed}
            </button>
            <button type="button" class="secondary" ref={stillButton} onClick={() => setRejecting(true)}>
              {t.stillAffected}
            </button>
          </div>
        )}
      </fieldset>
      <p class="error" role="alert">
        {problem}
      </p>
    </div>
  );
}

function ReplyForm({
  ticketId,
  feed,
  onSend,
  uploadTarget,
}: {
  ticketId: string;
  feed: TicketFeed;
  onSend: (body: string, files: { id: string; name: string }[]) => void;
  uploadTarget: Parameters<typeof useUploads>[0];
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const uploads = useUploads(uploadTarget);
  const [opened, setOpened] = useState<readonly string[]>([]);
  const t = ticketsText();

  // A suggested manual article opened while writing is told to the ticket at once (its timeline, for the agent).
  const openedArticle = (articleId: string) => {
    setOpened((ids) => (ids.includes(articleId) ? ids : [...ids, articleId]));
    const socket = feed.channel();
    if (socket) void request(socket, "manual:opened", { ticketId, articleId });
  };

  const submit = (event?: Event) => {
    event?.preventDefault();
    const files = uploads.ready;
    if (!text.trim() && files.length === 0) {
      setError(t.writeReplyOrFile);
      return;
    }
    if (uploads.uploading) {
      setError(words().waitForUploads);
      return;
    }
    const over = text.trim().length - MAX_MESSAGE_LENGTH;
    if (over > 0) {
      setError(t.replyTooLong(over, MAX_MESSAGE_LENGTH));
      return;
    }
    onSend(bodyWithFiles(text, files), files);
    setText("");
    setError(null);
    uploads.clear();
  };

  return (
    <form class="composer reply-form" onSubmit={submit}>
      <label class="sr-only" for="parley-ticket-reply">
        {t.yourReply}
      </label>
      <textarea
        id="parley-ticket-reply"
        rows={2}
        placeholder={t.replyPlaceholder}
        value={text}
        aria-describedby="parley-ticket-reply-error"
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (isSubmitKey(e)) submit(e);
        }}
      />
      <button type="submit" class="primary">
        {t.sendReply}
      </button>
      <ManualSuggestions socket={feed.channel} text={text} product="" opened={opened} onOpen={openedArticle} />
      <div class="attachments">
        <AttachControl id="parley-ticket-files" onPick={uploads.add} />
        <StagedFiles uploads={uploads} />
      </div>
      <p class="error" id="parley-ticket-reply-error" role="alert">
        {error}
      </p>
    </form>
  );
}

function formatWhen(iso: string): string {
  return formatTime(iso, words(), { month: "short", day: "numeric" });
}
