import { useContext, useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { openingInSiteZone } from "../availability.ts";
import type { ChatClient } from "../chat-client.ts";
import { ChatEndLoader } from "../chat-end/ChatEndLoader.tsx";
import type { ChatState } from "../chat-state.ts";
import type { Catalogue } from "../i18n/en.ts";
import { language, text } from "../i18n/language.ts";
import type { OfflineFields } from "../offline-request.ts";
import { useStore } from "../use-store.ts";
import { deriveView } from "../view-model.ts";
import { WidgetConfigContext } from "../widget-config.ts";
import { ConversationView } from "./ConversationView.tsx";
import { AttachmentsContext } from "./Files.tsx";
import { Header, TITLE_ID } from "./Header.tsx";
import { lazyView } from "./LazyView.tsx";
import type { OfflineViewProps } from "./OfflineView.tsx";
import type { PreChatProps } from "./PreChatForm.tsx";
import type { TicketsViewProps } from "./TicketsView.tsx";

export const PANEL_ID = "parley-panel";

// Views most visitors never see are chunks of their own (the app's bundle budget).
const Tickets = lazyView<TicketsViewProps>(
  () =>
    import("./TicketsView.tsx").then(async (m) => {
      // Its words in the visitor's language come before it shows, so it never flashes English.
      await m.loadTicketsText(text().lang);
      return m.TicketsView;
    }),
  (t) => ({ loading: t.loadingTickets, failed: t.ticketsFailed }),
);
const Offline = lazyView<OfflineViewProps>(
  () =>
    import("./forms.ts").then(async (m) => {
      await m.loadOfflineText(text().lang);
      return m.OfflineView;
    }),
  (t) => ({ loading: t.loadingForm, failed: t.formFailed }),
);

const PreChat = lazyView<PreChatProps>(
  () => import("./forms.ts").then((m) => m.PreChatForm),
  (t) => ({ loading: t.loadingForm, failed: t.formFailed }),
);

interface Props {
  client: ChatClient;
  onMinimize: () => void;
}

/**
 * A non-modal dialog: the host page stays usable while it is open. Escape is handled by
 * the loader, which owns the launcher that focus returns to.
 */
export function Panel({ client, onMinimize }: Props) {
  const state = useStore(client.store);
  // Every component reads the catalogue as it renders: re-rendering from here is what switches the language.
  const t = useStore(language);
  const theme = useContext(WidgetConfigContext)?.theme;
  const { tickets } = useStore(client.tickets.store);
  const [showTickets, setShowTickets] = useState(false);
  const view = deriveView(state);
  const products = typeof state.availability === "object" ? (state.availability?.products ?? []) : [];
  const panel = useRef<HTMLDivElement>(null);
  const focusInside = useRef(false);
  // Files go to the chat on screen, so attaching is offered only once it exists and until it ends.
  const conversation = state.conversation;
  const uploadTarget =
    view.kind === "conversation" && !view.starting && conversation && conversation.status !== "closed"
      ? { conversationId: conversation.id }
      : null;
  const viewKey =
    view.kind === "conversation"
      ? `${view.kind}:${state.conversation?.status}`
      : view.kind === "offline"
        ? `${view.kind}:${state.offline.status === "sent"}`
        : view.kind;

  // A lazy view that arrives while focus waits on the panel itself (it had no control yet) takes it.
  const focusIfWaiting = () => {
    const el = panel.current;
    if (el && (el.getRootNode() as ShadowRoot).activeElement === el) focusPrimary(el);
  };

  // A new visitor's first view; fetched now so it is there when the panel opens (see forms.ts).
  useEffect(() => {
    if (!client.store.get().conversationId) void PreChat.load().catch(() => undefined);
  }, []);

  // Opening on request moves focus to the panel's main control.
  useLayoutEffect(() => {
    if (state.focusRequest > 0) focusPrimary(panel.current);
  }, [state.focusRequest]);

  // When the view swaps out the control that had focus (a form submitted, a chat ended),
  // focus would fall to the page's <body>; put it on the new view's main control instead.
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !state.panelOpen || !focusInside.current) return;
    const root = el.getRootNode() as ShadowRoot;
    const lost = !root.activeElement && (!document.activeElement || document.activeElement === document.body);
    if (lost || root.activeElement === el) focusPrimary(el);
  }, [viewKey]);

  return (
    <div
      class="panel"
      id={PANEL_ID}
      lang={t.lang}
      dir={t.dir}
      role="dialog"
      aria-labelledby={TITLE_ID}
      tabIndex={-1}
      data-scheme={theme?.colourScheme ?? "auto"}
      hidden={!state.panelOpen}
      ref={panel}
      onFocusIn={() => {
        focusInside.current = true;
      }}
      onFocusOut={(e) => {
        // A null relatedTarget is also what a removed element reports, so only a move elsewhere counts.
        const next = e.relatedTarget as Node | null;
        if (next && !panel.current?.contains(next)) focusInside.current = false;
      }}
    >
      <Header
        connection={state.fatal ? null : state.connection}
        onMinimize={onMinimize}
        ticketsToggle={
          state.fatal || (!showTickets && !tickets?.length)
            ? null
            : {
                label: showTickets ? t.backToChat : t.myTickets,
                onClick: () => setShowTickets(!showTickets),
                onPointerEnter: () => void Tickets.load().catch(() => undefined),
              }
        }
      />
      {/* Always mounted, so a notice that appears in it is announced (one that arrives with its region is often not). */}
      <div role="status">
        {view.kind === "unavailable" && <p class="notice">{view.reason}</p>}
        {view.kind === "checking" && <p class="notice">{t.checking}</p>}
      </div>
      <AttachmentsContext.Provider value={client.attachments}>
        {showTickets && (
          <Tickets.View
            viewClass="view tickets"
            feed={client.tickets}
            onClose={() => {
              setShowTickets(false);
              // Back from the list by Escape: the header button (now "My tickets") is where the visitor left.
              requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>(".header-button")?.focus());
            }}
          />
        )}
        {/* Kept mounted while the tickets show, so a half-typed message and its files survive the visit. */}
        <div class="view" hidden={showTickets}>
          {view.kind === "offline" && (
            <Offline.View
              viewClass="offline"
              onShown={focusIfWaiting}
              refusedStart={state.startFailure !== null}
              availability={state.availability}
              products={products}
              submission={state.offline}
              initial={offlineFields(state)}
              onSubmit={(fields, extra) => client.offline.submit(fields, extra)}
              socket={() => client.liveSocket()}
              onChat={() => client.offline.close()}
              onLeaveMessage={() => client.leaveMessage(true)}
            />
          )}
          {view.kind === "pre-chat" && (
            <PreChat.View
              viewClass="pre-chat"
              onShown={focusIfWaiting}
              key={state.startFailure ? "retry" : "new"}
              initial={
                state.startFailure?.draft ?? {
                  name: state.visitorName,
                  email: state.visitorEmail,
                  body: "",
                  product: "",
                }
              }
              products={products}
              failure={state.startFailure?.reason ?? null}
              onStart={(draft, environment) => client.startChat(draft, environment)}
              greeting={theme?.greeting ?? ""}
              expectation={startExpectation(state.availability, new Date(), t)}
            />
          )}
          {view.kind === "pre-chat" && state.leavingMessage && isClosed(state.availability) && (
            <button type="button" class="link-button" onClick={() => client.leaveMessage(false)}>
              {t.requestFormInstead}
            </button>
          )}
          {view.kind === "conversation" && (
            <ConversationView
              conversation={state.conversation}
              queue={state.queue}
              starting={view.starting}
              timeline={view.timeline}
              visitorName={state.visitorName}
              onSend={(body, files) => client.sendMessage(body, files)}
              seenSeq={state.agentReadSeq}
              typing={state.typing}
              onTyping={(hasText) => client.signals.input(hasText)}
              onStopTyping={() => client.signals.stopTyping()}
              uploadTarget={uploadTarget}
              onNewChat={() => client.newChat()}
              opens={openingInSiteZone(state.availability, new Date())}
              afterEnd={
                state.conversation && (
                  <ChatEndLoader
                    key={state.conversation.id}
                    conversation={state.conversation}
                    socket={() => client.liveSocket()}
                  />
                )
              }
            />
          )}
        </div>
      </AttachmentsContext.Provider>
    </div>
  );
}

/** The offline form starts from the request still on its way, or else from what a refused start left. */
function offlineFields(state: ChatState): OfflineFields {
  if (state.offline.status === "sending") {
    const { name, email, priority, product = "", details } = state.offline.request;
    return { name, email, priority, product, details };
  }
  const draft = state.startFailure?.draft;
  return {
    name: draft?.name ?? state.visitorName,
    email: draft?.email ?? state.visitorEmail,
    priority: "medium",
    product: draft?.product ?? "",
    details: draft?.body ?? "",
  };
}

function focusPrimary(panel: HTMLElement | null): void {
  if (!panel || panel.hidden) return;
  // The first one in the view on screen: the chat stays mounted, hidden, while the tickets show.
  const candidates = Array.from(panel.querySelectorAll<HTMLElement>("[data-autofocus]"));
  const target = candidates.find((el) => !el.closest("[hidden]")) ?? panel;
  target.focus();
}

const isClosed = (a: ChatState["availability"]) => typeof a === "object" && a !== null && !a.open;

/** Honest about the wait before the chat starts: nobody online, or support closed until a given time. */
function startExpectation(availability: ChatState["availability"], now: Date, t: Catalogue): string | null {
  if (typeof availability !== "object" || availability === null) return null;
  if (!availability.open) {
    return `${t.closedExpectation(openingInSiteZone(availability, now))} ${t.byEmailToo}`;
  }
  return availability.agentsOnline ? null : `${t.nobodyExpectation} ${t.byEmailToo}`;
}
