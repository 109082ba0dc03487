import type { ChatRatingDto } from "@parley/shared";
import type { ChatRating } from "@parley/shared/constants";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { adoptStyles } from "../../adopt-styles.ts";
import type { ChatEndCatalogue } from "../i18n/chat-end-en.ts";
import type { Answer } from "../request.ts";
import type { ChatEndViewProps } from "./ChatEndLoader.tsx";
import { CHAT_END_CSS } from "./chat-end-styles.ts";

const RATE_TITLE_ID = "parley-rate-title";
const TRANSCRIPT_TITLE_ID = "parley-transcript-title";
const EMOJI: Record<ChatRating, string> = { good: "👍", bad: "👎" };
// A first check only, to answer at once; the server validates the address again.
const LOOKS_LIKE_EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

type Status = { kind: "idle" } | { kind: "sending" } | { kind: "error"; text: string };

function problem(T: ChatEndCatalogue, answer: Answer<unknown>, codes: Record<string, string>): string {
  if (answer.ok) return "";
  if (!answer.error) return T.errors.offline;
  return codes[answer.error.code] ?? T.errors.generic;
}

/** Rating the chat that ended (once) and having its transcript emailed (once). */
export function ChatEndView({
  conversation,
  socket,
  app,
  useWords,
}: ChatEndViewProps & { useWords: () => ChatEndCatalogue }) {
  const { request, ratings, maxComment } = app;
  const T = useWords();
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = section.current;
    return el ? adoptStyles(el.getRootNode() as ShadowRoot, CHAT_END_CSS) : undefined;
  }, []);

  const [rating, setRating] = useState<ChatRatingDto | null>(conversation.rating);
  const [choice, setChoice] = useState<ChatRating | null>(null);
  const [comment, setComment] = useState("");
  const [rateStatus, setRateStatus] = useState<Status>({ kind: "idle" });

  const [sentTo, setSentTo] = useState<string | null>(null);
  const [transcriptSent, setTranscriptSent] = useState(conversation.transcriptSent);
  const [email, setEmail] = useState("");
  const [mailStatus, setMailStatus] = useState<Status>({ kind: "idle" });

  const live = () => {
    const s = socket();
    return s?.connected ? s : null;
  };

  const sendRating = async (e: Event) => {
    e.preventDefault();
    if (!choice || rateStatus.kind === "sending") return;
    if (comment.trim().length > maxComment) {
      setRateStatus({ kind: "error", text: T.errors.tooLong(maxComment) });
      return;
    }
    const s = live();
    if (!s) {
      setRateStatus({ kind: "error", text: T.errors.offline });
      return;
    }
    setRateStatus({ kind: "sending" });
    const trimmed = comment.trim();
    const answer = await request(s, "conversation:rate", {
      conversationId: conversation.id,
      rating: choice,
      ...(trimmed ? { comment: trimmed } : {}),
    });
    if (answer.ok) {
      setRating(answer.data.rating);
      setRateStatus({ kind: "idle" });
    } else {
      setRateStatus({ kind: "error", text: problem(T, answer, { CONFLICT: T.errors.alreadyRated }) });
    }
  };

  const sendTranscript = async (e: Event) => {
    e.preventDefault();
    if (mailStatus.kind === "sending") return;
    const typed = email.trim();
    if ((typed || !conversation.replyByEmail) && !LOOKS_LIKE_EMAIL.test(typed)) {
      setMailStatus({ kind: "error", text: T.errors.badEmail });
      return;
    }
    const s = live();
    if (!s) {
      setMailStatus({ kind: "error", text: T.errors.offline });
      return;
    }
    setMailStatus({ kind: "sending" });
    const answer = await request(s, "conversation:transcript", {
      conversationId: conversation.id,
      ...(typed ? { email: typed } : {}),
    });
    if (answer.ok) {
      setSentTo(answer.data.sentTo);
      setTranscriptSent(true);
      setMailStatus({ kind: "idle" });
    } else {
      const alreadySent = !answer.ok && answer.error?.code === "RATE_LIMITED";
      if (alreadySent) setTranscriptSent(true);
      setMailStatus({
        kind: "error",
        text: problem(T, answer, { RATE_LIMITED: T.errors.alreadySent, BAD_REQUEST: T.errors.badEmail }),
      });
    }
  };

  const statusText = (s: Status, sending: string) =>
    s.kind === "sending" ? sending : s.kind === "error" ? s.text : "";

  return (
    <section class="chat-end" ref={section} aria-labelledby={RATE_TITLE_ID}>
      <h3 id={RATE_TITLE_ID}>{T.rateTitle}</h3>
      {rating ? (
        <>
          <p class="hint">{T.thanks(T.ratingLabel[rating.rating])}</p>
          {rating.comment && (
            <p class="quote">
              {T.yourComment} {rating.comment}
            </p>
          )}
        </>
      ) : (
        <form onSubmit={sendRating}>
          <fieldset class="choices" aria-labelledby={RATE_TITLE_ID}>
            {ratings.map((r) => (
              <button key={r} type="button" class="choice" aria-pressed={choice === r} onClick={() => setChoice(r)}>
                <span aria-hidden="true">{EMOJI[r]}</span> {T.ratingLabel[r]}
              </button>
            ))}
          </fieldset>
          {choice && (
            <>
              <label for="parley-rate-comment">{T.commentLabel}</label>
              <textarea
                id="parley-rate-comment"
                maxLength={maxComment}
                value={comment}
                onInput={(e) => setComment(e.currentTarget.value)}
              />
              <p class="hint">{T.onceHint}</p>
              <button type="submit" class="primary" disabled={rateStatus.kind === "sending"}>
                {T.sendRating}
              </button>
            </>
          )}
        </form>
      )}
      <p class="result" role="status">
        {statusText(rateStatus, T.sendingRating)}
      </p>

      <h3 id={TRANSCRIPT_TITLE_ID}>{T.transcriptTitle}</h3>
      {transcriptSent ? (
        <p class="hint">{sentTo ? T.transcriptSentTo(sentTo) : T.transcriptSent}</p>
      ) : (
        <form onSubmit={sendTranscript} aria-labelledby={TRANSCRIPT_TITLE_ID}>
          <label for="parley-transcript-email">{T.emailLabel}</label>
          <input
            id="parley-transcript-email"
            type="email"
            autocomplete="email"
            value={email}
            aria-describedby={conversation.replyByEmail ? "parley-transcript-hint" : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          {conversation.replyByEmail && (
            <p class="hint" id="parley-transcript-hint">
              {T.emailHintGiven}
            </p>
          )}
          <button type="submit" class="primary" disabled={mailStatus.kind === "sending"}>
            {T.sendTranscript}
          </button>
        </form>
      )}
      <p class="result" role="status">
        {statusText(mailStatus, T.sendingTranscript)}
      </p>
    </section>
  );
}
