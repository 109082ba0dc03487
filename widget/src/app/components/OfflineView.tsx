import type { Product } from "@parley/shared";
import { useLayoutEffect, useRef } from "preact/hooks";
import { adoptStyles } from "../../adopt-styles.ts";
import type { Availability } from "../availability.ts";
import { nextOpening } from "../availability.ts";
import type { OfflineSubmission } from "../chat-state.ts";
import { text } from "../i18n/language.ts";
import { useOfflineText } from "../i18n/offline.ts";
import type { OfflineCatalogue } from "../i18n/offline-en.ts";
import type { OfflineExtra, OfflineFields } from "../offline-request.ts";
import { formatOpening } from "../opening-time.ts";
import type { VisitorSocket } from "../request.ts";
import { OfflineForm } from "./OfflineForm.tsx";
import { OFFLINE_CSS } from "./offline-styles.ts";

export { loadOfflineText } from "../i18n/offline.ts";

export interface OfflineViewProps {
  availability: Availability;
  products: readonly Product[];
  submission: OfflineSubmission;
  /** What the form starts with: a request still on its way, or what a refused start left. */
  initial: OfflineFields;
  /** A start was refused because support went offline meanwhile: its text is in the form. */
  refusedStart: boolean;
  onSubmit: (fields: OfflineFields, extra?: OfflineExtra) => void;
  /** Where manual suggestions are asked for; null while offline. */
  socket: () => VisitorSocket | null;
  onChat: () => void;
  /** Outside hours: the visitor leaves a message in the chat instead. */
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
  socket,
  onChat,
  onLeaveMessage,
}: OfflineViewProps) {
  const t = text();
  const o = useOfflineText();
  const root = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = root.current;
    return el ? adoptStyles(el.getRootNode() as ShadowRoot, OFFLINE_CSS) : undefined;
  }, []);
  const opensAt = nextOpening(availability);
  const opens = opensAt ? formatOpening(opensAt, new Date(), t) : null;
  const sent = submission.status === "sent";
  const canChat = typeof availability === "object" && availability?.acceptingChats === true;
  const closed = typeof availability === "object" && availability?.open === false;
  return (
    <section class="offline" aria-labelledby="parley-offline-title" ref={root}>
      <h3 class="offline-title" id="parley-offline-title">
        {offlineHeading(availability)}
      </h3>
      {opens && <p class="opens">{t.opensAt(opens)}</p>}
      {!sent && <p class="intro">{refusedStart ? o.refusedIntro : o.requestIntro}</p>}
      {!sent && closed && (
        <p class="intro">
          {o.orLeaveMessage[0]}
          <button type="button" class="link-button" onClick={onLeaveMessage}>
            {o.orLeaveMessage[1]}
          </button>
          {o.orLeaveMessage[2]}
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
          socket={socket}
        />
      )}
      {/* Always rendered, so screen readers are already watching it when the answer comes. */}
      <p class="confirmation" role="status">
        {statusText(submission, o)}
      </p>
      {sent && canChat && (
        <button type="button" class="primary" data-autofocus onClick={onChat}>
          {o.chatWithAgent}
        </button>
      )}
    </section>
  );
}

function statusText(submission: OfflineSubmission, t: OfflineCatalogue): string {
  switch (submission.status) {
    case "idle":
      return "";
    case "sending":
      return submission.problem ? t.requestRetrying(submission.problem) : t.sendingRequest;
    case "sent":
      return t.requestSent(submission.reference);
  }
}

/** Outside support hours nobody will come; inside them someone may, soon. */
export function offlineHeading(availability: Availability): string {
  const t = text();
  if (typeof availability !== "object" || availability === null) return t.noAgent;
  // Only while the offline form is kept on screen (a request was just sent) after an agent came online.
  if (availability.acceptingChats) return t.agentAvailable;
  return availability.open ? t.noAgent : t.supportClosed;
}
