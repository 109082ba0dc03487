import type { Product } from "@parley/shared";
import type { Availability } from "../availability.ts";
import { nextOpening, offlineHeading } from "../availability.ts";
import type { OfflineSubmission } from "../chat-state.ts";
import type { OfflineFields } from "../offline-request.ts";
import { formatOpening } from "../opening-time.ts";
import { OfflineForm } from "./OfflineForm.tsx";

export interface OfflineViewProps {
  availability: Availability;
  products: readonly Product[];
  submission: OfflineSubmission;
  /** What the form starts with: a request still on its way, or what a refused start left. */
  initial: OfflineFields;
  /** A start was refused because support went offline meanwhile: its text is in the form. */
  refusedStart: boolean;
  onSubmit: (fields: OfflineFields) => void;
  onChat: () => void;
  /** Outside hours: the visitor leaves a message in the chat instead (issue 14). */
  onLeaveMessage: () => void;
}

/** Shown instead of the chat form while no chat can start: when support opens, and a request form meanwhile. */
export function OfflineView({
  availability,
  products,
  submission,
  initial,
  refusedStart,
  onSubmit,
  onChat,
  onLeaveMessage,
}: OfflineViewProps) {
  const opensAt = nextOpening(availability);
  const opens = opensAt ? formatOpening(opensAt, new Date()) : null;
  const sent = submission.status === "sent";
  const canChat = typeof availability === "object" && availability?.acceptingChats === true;
  const closed = typeof availability === "object" && availability?.open === false;
  return (
    <section class="offline" aria-labelledby="parley-offline-title">
      <h3 class="offline-title" id="parley-offline-title">
        {offlineHeading(availability)}
      </h3>
      {opens && <p class="opens">Support opens {opens}.</p>}
      {!sent && (
        <p class="intro">
          {refusedStart
            ? "Your chat could not be started, so your message is in the form below: send it as a request and we will answer by email."
            : "Leave us a request and we will answer by email."}
        </p>
      )}
      {!sent && closed && (
        <p class="intro">
          Or{" "}
          <button type="button" class="link-button" onClick={onLeaveMessage}>
            leave a message in the chat
          </button>
          , answered here when support opens.
        </p>
      )}
      {!sent && (
        <OfflineForm
          // Starts over from `initial` when a refused start fills it.
          key={refusedStart ? "refused" : "new"}
          initial={initial}
          products={products}
          sending={submission.status === "sending"}
          failure={submission.status === "idle" ? submission.error : null}
          onSubmit={onSubmit}
        />
      )}
      {/* Always rendered, so screen readers are already watching it when the answer comes. */}
      <p class="confirmation" role="status">
        {statusText(submission)}
      </p>
      {sent && canChat && (
        <button type="button" class="primary" data-autofocus onClick={onChat}>
          Chat with an agent
        </button>
      )}
    </section>
  );
}

function statusText(submission: OfflineSubmission): string {
  switch (submission.status) {
    case "idle":
      return "";
    case "sending":
      return submission.problem
        ? `Your request is not sent yet (${submission.problem}); we keep trying.`
        : "Sending your request…";
    case "sent":
      return `Thanks, we received your request. Your reference is ${submission.reference}.`;
  }
}
