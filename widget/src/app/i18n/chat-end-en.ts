// The chat-end view's words (rating a chat and emailing its transcript) in English. Kept apart from en.ts
// because that view is a lazy chunk: these travel with it (chat-end.ts), not with the chat every visitor loads.
// A translation is typed `ChatEndCatalogue`, so a missing key fails the typecheck.
import type { ChatRating } from "@parley/shared/constants";

export const chatEndEn = {
  rateTitle: "How was this chat?",
  ratingLabel: { good: "Good", bad: "Bad" } satisfies Record<ChatRating, string>,
  commentLabel: "Anything to add? (optional)",
  onceHint: "You can rate a chat once; it can't be changed after you send it.",
  sendRating: "Send rating",
  sendingRating: "Sending your rating…",
  /** `label` is one of ratingLabel. */
  thanks: (label: string) => `Thank you! You rated this chat ${label}.`,
  yourComment: "Your comment:",
  transcriptTitle: "Email me the transcript",
  emailLabel: "Email address",
  emailHintGiven: "Leave empty to use the email you gave when the chat started.",
  sendTranscript: "Email transcript",
  sendingTranscript: "Sending the transcript…",
  /** `to` is the address the server sent it to, when it says. */
  transcriptSentTo: (to: string) => `The transcript is on its way to ${to}.`,
  transcriptSent: "The transcript of this chat was sent.",
  errors: {
    offline: "You're offline; try again in a moment.",
    alreadyRated: "This chat was already rated.",
    alreadySent: "The transcript of this chat was already sent.",
    badEmail: "Enter a valid email address.",
    tooLong: (max: number) => `Keep the comment under ${max} characters.`,
    generic: "That didn't work; try again.",
  },
};

export type ChatEndCatalogue = typeof chatEndEn;
