import type { AttachmentDto } from "@parley/shared";
import type { AuthorKind } from "@parley/shared/constants";
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { type AttachmentRef, bodyWithFiles } from "../attachments.ts";
import { text } from "../i18n/language.ts";
import { formatTime } from "../opening-time.ts";
import type { TimelineItem } from "../view-model.ts";
import { FileLinks, FileNames } from "./Files.tsx";
import { RichText } from "./RichText.tsx";

interface Props {
  items: readonly TimelineItem[];
  visitorName: string;
  /** The agent side has read up to this seq: "Seen" goes under the visitor's latest message it covers. */
  seenSeq: number;
}

/** Within this distance of the bottom the list follows new messages; further up, the visitor is reading. */
const STICKY_PX = 48;

export function MessageList({ items, visitorName, seenSeq }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
    if (el) keyboardScrollable(el);
  }, [items]);

  // The list also shrinks when the composer grows or the viewport changes: stay pinned.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
      keyboardScrollable(el);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = ref.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_PX;
  };

  return (
    // tabIndex only while it scrolls: keyboardScrollable.
    <div class="log" role="log" aria-live="polite" aria-label={text().history} ref={ref} onScroll={onScroll}>
      {items.map((item) => (
        <Row key={item.key} item={item} visitorName={visitorName} seen={item.key === seenKey(items, seenSeq)} />
      ))}
    </div>
  );
}

/**
 * A list that scrolls must be reachable by keyboard. Chromium makes a scrolling region focusable by itself; other
 * browsers, and axe (scrollable-region-focusable), want a tabIndex. Given only while the list overflows (a long chat,
 * or a short one the rating form squeezes), so a short chat gets no extra tab stop.
 */
function keyboardScrollable(el: HTMLElement): void {
  if (el.scrollHeight > el.clientHeight) el.tabIndex = 0;
  else el.removeAttribute("tabindex");
}

/** The visitor's latest stored message, if the agent side has read it. */
function seenKey(items: readonly TimelineItem[], seenSeq: number): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item?.type === "message" && item.message.author.kind === "visitor") {
      return item.message.seq <= seenSeq ? item.key : null;
    }
  }
  return null;
}

function Row({ item, visitorName, seen }: { item: TimelineItem; visitorName: string; seen: boolean }) {
  const t = text();
  if (item.type === "message") {
    const { author, body, createdAt, attachments } = item.message;
    return (
      <Bubble
        kind={author.kind}
        author={author.name}
        body={body}
        time={createdAt}
        files={attachments}
        {...(seen ? { note: t.seen } : {})}
      />
    );
  }
  const author = item.entry.name ?? (visitorName || t.you);
  if (item.type === "pending") {
    return (
      <Bubble
        kind="visitor"
        author={author}
        body={item.entry.body}
        time={null}
        note={t.sending}
        modifier="pending"
        pendingFiles={item.entry.attachments}
      />
    );
  }
  return (
    <Bubble
      kind="visitor"
      author={author}
      body={item.entry.body}
      time={null}
      note={t.notSent(item.reason)}
      modifier="failed"
      pendingFiles={item.entry.attachments}
    />
  );
}

interface BubbleProps {
  kind: AuthorKind;
  author: string;
  body: string;
  time: string | null;
  note?: string;
  modifier?: "pending" | "failed";
  /** Stored files, offered for download. */
  files?: readonly AttachmentDto[];
  /** Files of a send not yet acknowledged: named only. */
  pendingFiles?: readonly AttachmentRef[];
}

// Every piece of text is a JSX text node: a body goes through RichText, which never parses it as HTML.
function Bubble({ kind, author, body, time, note, modifier, files, pendingFiles }: BubbleProps) {
  return (
    <div class={`msg msg-${kind}${modifier ? ` msg-${modifier}` : ""}`}>
      <div class="meta">
        <span class="author">{author}</span>
        {time && <time dateTime={time}>{formatTime(time, text())}</time>}
      </div>
      {/* A message of files alone has their names as its body; the file list already says them. */}
      {body !== bodyWithFiles("", files ?? pendingFiles ?? []) && (
        <p class="body">
          <RichText body={body} />
        </p>
      )}
      <FileLinks files={files} />
      {pendingFiles && <FileNames files={pendingFiles} />}
      {note && <p class="note">{note}</p>}
    </div>
  );
}
