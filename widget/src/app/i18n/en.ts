// Every word the widget shows or announces, in English: the catalogue the other languages translate. Bundled
// with the app; the others are fetched only by visitors who read them (see language.ts). A translation is
// typed `Catalogue`, so a key it lacks fails the typecheck.

export const en = {
  lang: "en",
  dir: "ltr" as "ltr" | "rtl",

  title: "Chat with support",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  minimize: "Minimize chat",
  myTickets: "My tickets",
  backToChat: "Back to chat",
  checking: "Checking whether an agent is available…",
  requestFormInstead: "Send a request form instead",
  loadingTickets: "Loading your tickets…",
  ticketsFailed: "Your tickets could not be loaded.",
  tryAgain: "Try again",
  loadingForm: "Loading…",
  formFailed: "The form could not be loaded.",
  notSetUp: "Chat is not set up for this website.",
  notAvailableHere: "Chat is not available on this website.",
  /** Verified identity: the site requires a signed-in user and the page named none. */
  signInToChat: "Sign in to this website to chat with us.",

  /** "today at 9:00 AM GMT": `day` is Intl.RelativeTimeFormat's word, or a weekday and date. */
  dayAt: (day: string, time: string) => `${day} at ${time}`,
  opensAt: (when: string) => `Support opens ${when}.`,
  closedExpectation: (opens: string | null) =>
    `Support is closed. Leave a message and we'll answer here when support opens${opens ? ` ${opens}` : ""}.`,
  nobodyExpectation: "No one is online right now. Start the chat and we'll answer here as soon as someone is.",
  byEmailToo: "Leave your email to get our reply by email too.",
  greeting: "Hi! Tell us who you are and how we can help.",

  starting: "Starting your chat…",
  loadingConversation: "Loading your conversation…",
  waiting: "Waiting for an agent…",
  chattingWith: (name: string) => `You're chatting with ${name}`,
  agentJoined: "An agent joined",
  ended: "This chat has ended",
  replyThen: (byEmail: boolean) => `We'll reply ${byEmail ? "here and by email" : "here"} then.`,
  replyWhenOnline: (byEmail: boolean) =>
    `No one is online right now. We'll reply ${byEmail ? "here and by email" : "here"} as soon as someone is.`,
  nextInQueue: "You are next in the queue.",
  numberInQueue: (n: number) => `You are number ${n} in the queue.`,
  estimatedWait: (wait: string) => `Estimated wait: ${wait}.`,
  lessThanMinute: "less than a minute",
  aboutMinutes: (n: number) => `about ${n} minute${n === 1 ? "" : "s"}`,
  aboutHours: (n: number) => `about ${n} hour${n === 1 ? "" : "s"}`,
  /** `who` is the names joined by Intl.ListFormat. */
  typing: (who: string, many: boolean) => `${who} ${many ? "are" : "is"} typing…`,
  newChat: "Start a new chat",

  history: "Conversation history",
  you: "You",
  seen: "Seen",
  sending: "sending…",
  notSent: (reason: string) => `not sent: ${reason}`,
  messageLabel: "Message",
  messagePlaceholder: "Type your message…",
  send: "Send",
  waitForUploads: "Please wait until your files have uploaded, then send.",
  charactersLeft: (n: number) => `${n} characters left`,
  charactersOver: (n: number) => `${n} character${n === 1 ? "" : "s"} over the limit`,
  messageTooLong: (over: number, max: number) =>
    `Message is too long: ${over} character${over === 1 ? "" : "s"} over the ${max}-character limit.`,
  detailsTooLong: (over: number, max: number) =>
    `Details are too long: ${over} character${over === 1 ? "" : "s"} over the ${max}-character limit.`,

  name: "Name",
  email: "Email",
  emailOptional: "Optional, so we can follow up.",
  product: "Product",
  notSure: "Not sure",
  startChat: "Start chat",
  startFailed: (reason: string) => `Your chat could not be started: ${reason}.`,
  enterName: "Please enter your name.",
  enterMessage: "Please enter a message.",
  validEmailOrEmpty: "Please enter a valid email address, or leave it empty.",

  noAgent: "No agent is available right now",
  agentAvailable: "An agent is available now",
  supportClosed: "Support is closed",

  attachFiles: "Attach files",
  cannotAttach: (name: string, reason: string) => `Could not attach ${name}: ${reason}.`,
  errors: {
    connectionFailed: "the connection failed. Please try again",
    ticketGone: "this ticket no longer exists",
    somethingWrongRetry: "something went wrong. Please try again",
    messageTooLong: "the message is too long",
    chatEnded: "this chat has ended",
    chatGone: "this chat no longer exists",
    tooManyMessages: "too many messages, please wait a moment",
    noAgent: "no agent is available right now",
    somethingWrong: "something went wrong",
    incomplete: "the chat request was incomplete",
    notStarted: "the chat could not be started",
  },
};

export type Catalogue = typeof en;
