import type { ChatRatingDto } from "@parley/shared";

const LABEL = { good: "Good", bad: "Bad" } as const;
const EMOJI = { good: "👍", bad: "👎" } as const;

/**
 * The visitor's rating of a chat that ended, under its transcript. A live region, mounted while the chat
 * is closed: a rating that arrives while the agent still has the chat open is announced. The comment is the
 * visitor's text, rendered as text.
 */
export function ChatRating({ rating }: { rating: ChatRatingDto | null }) {
  return (
    <div class="chat-rating" role="status">
      {rating ? (
        <>
          <p>
            <strong>Visitor's rating:</strong> <span aria-hidden="true">{EMOJI[rating.rating]}</span>{" "}
            {LABEL[rating.rating]}
          </p>
          {rating.comment && <p class="chat-rating-comment">“{rating.comment}”</p>}
        </>
      ) : (
        <p class="muted">The visitor has not rated this chat.</p>
      )}
    </div>
  );
}
