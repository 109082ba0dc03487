// Every word the chat-end view (ratings and transcripts, issue 14) shows, in one place: the languages work moves
// them into its catalogues. Loaded with the view's chunk, never with the app.
import type { ChatRating } from "@parley/shared/constants";

export const CHAT_END_STRINGS = {
  rateTitle: "How was this chat?",
  ratingLabel: { good: "Good", bad: "Bad" } satisfies Record<ChatRating, string>,
  commentLabel: "Anything to add? (optional)",
  onceHint: "You can rate a chat once; it can't be changed after you send it.",
  sendRating: "Send rating",
  sendingRating: "Sending your rating…",
  thanks: (rating: ChatRating) => `Thank you! You rated this chat ${CHAT_END_STRINGS.ratingLabel[rating]}.`,
  yourComment: "Your comment:",
  transcriptTitle: "Email me the transcript",
  emailLabel: "Email address",
  emailHintGiven: "Leave empty to use the email you gave when the chat started.",
  sendTranscript: "Email transcript",
  sendingTranscript: "Sending the transcript…",
  transcriptSent: (to: string | null) =>
    to ? `The transcript is on its way to ${to}.` : "The transcript of this chat was sent.",
  errors: {
    offline: "You're offline; try again in a moment.",
    alreadyRated: "This chat was already rated.",
    alreadySent: "The transcript of this chat was already sent.",
    badEmail: "Enter a valid email address.",
    tooLong: (max: number) => `Keep the comment under ${max} characters.`,
    generic: "That didn't work; try again.",
  },
} as const;
