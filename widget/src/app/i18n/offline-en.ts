// The words of the offline form (a request answered by email) in English. Kept apart from en.ts because
// that part is a lazy chunk: these travel with it (offline.ts), not with the chat every visitor loads. A translation
// is typed `OfflineCatalogue`, so a missing key fails the typecheck.
export const offlineEn = {
  enterEmail: "Please enter your email address, so we can answer.",
  validEmail: "Please enter a valid email address.",
  describeNeed: "Please describe what you need.",
  refusedIntro:
    "Your chat could not be started, so your message is in the form below: send it as a request and we will answer by email.",
  requestIntro: "Leave us a request and we will answer by email.",
  /** The sentence around the "leave a message in the chat" button. */
  orLeaveMessage: ["Or ", "leave a message in the chat", ", answered here when support opens."] as [
    string,
    string,
    string,
  ],
  chatWithAgent: "Chat with an agent",
  requestRetrying: (problem: string) => `Your request is not sent yet (${problem}); we keep trying.`,
  sendingRequest: "Sending your request…",
  requestSent: (reference: string) => `Thanks, we received your request. Your reference is ${reference}.`,
  requestFailed: (reason: string) => `Your request could not be sent: ${reason}`,
  priority: "Priority",
  priorities: { low: "Low", medium: "Medium", high: "High", critical: "Critical" },
  priorityHint: "Critical: unusable. High: badly impaired. Medium: a feature is affected. Low: a minor issue.",
  details: "Details",
  detailsHint: "What happened, and the steps to reproduce it.",
  sendRequest: "Send request",
};

export type OfflineCatalogue = typeof offlineEn;
