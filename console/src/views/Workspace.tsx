import type { AgentDto } from "@parley/shared";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { signOut } from "../api/auth.ts";
import { ConsoleSession } from "../realtime/session.ts";
import { navigate, pathFor, type Route, useRoute } from "../router.ts";
import { offersFor, type RingingOffer } from "../state/offers.ts";
import type { SessionState } from "../state/session.ts";
import { productName } from "../state/site.ts";
import { AccountPage } from "./AccountPage.tsx";
import { AdminRoute } from "./AdminRoute.tsx";
import { Header } from "./Header.tsx";
import { HistoryRoute } from "./HistoryRoute.tsx";
import { InboxPage } from "./InboxPage.tsx";
import { IncomingChats } from "./IncomingChats.tsx";
import { NoticeBar } from "./NoticeBar.tsx";
import { OfferAnnouncer } from "./OfferAnnouncer.tsx";
import { OfflineRequestsPage } from "./OfflineRequestsPage.tsx";
import { SupervisionRoute } from "./SupervisionRoute.tsx";
import { SessionContext, useSessionState } from "./session-context.ts";
import { TeamPage } from "./TeamPage.tsx";
import { TicketAlerts } from "./TicketAlerts.tsx";
import { TicketRoute } from "./TicketRoute.tsx";

interface WorkspaceProps {
  agent: AgentDto;
  onSignedOut: (notice: string | null) => void;
}

/** The signed-in console: one realtime session for as long as this is mounted. */
export function Workspace({ agent, onSignedOut }: WorkspaceProps) {
  const [session] = useState(() => new ConsoleSession(agent, onSignedOut));
  useEffect(() => () => session.stop(), [session]);
  return (
    <SessionContext.Provider value={session}>
      <Screen session={session} onSignedOut={onSignedOut} />
    </SessionContext.Provider>
  );
}

function Screen({ session, onSignedOut }: { session: ConsoleSession; onSignedOut: (notice: null) => void }) {
  const state = useSessionState(session);
  const route = useRoute();
  const noticeRef = useRef<HTMLDivElement>(null);
  // A new ticket from a chat reads the chat (its visitor, first message and environment) to prefill the form.
  const openId =
    route.name === "conversation"
      ? route.id
      : route.name === "ticketNew" && route.source.kind === "chat"
        ? route.source.id
        : null;

  useEffect(() => session.conversations.open(openId), [session, openId]);

  const settings = state.site.settings;
  const nameOfProduct = useCallback((id: string) => productName(settings, id), [settings]);
  const offers = useMemo(() => offersFor(state.inbox.waiting, state.me.id), [state.inbox.waiting, state.me.id]);

  const onAccept = async (offer: RingingOffer) => {
    if (await session.offers.accept(offer)) navigate(pathFor({ name: "conversation", id: offer.id }));
  };
  const onDecline = async (offer: RingingOffer) => {
    // The answered offer's buttons are gone: focus the main area rather than let it fall to the page.
    if (await session.offers.decline(offer)) document.getElementById("main")?.focus();
  };
  const onTransferred = (text: string) => {
    session.notify(text);
    navigate(pathFor({ name: "inbox" }));
    noticeRef.current?.focus();
  };
  const onSignOut = async () => {
    session.stop();
    await signOut();
    onSignedOut(null);
  };

  return (
    <div class="app">
      <Header
        me={state.me}
        route={route}
        presence={state.presence}
        connection={state.connection}
        connectionProblem={state.connectionProblem}
        onStatus={(status) => void session.presence.set(status)}
        onSignOut={onSignOut}
      />
      <div class="alerts">
        <NoticeBar notice={state.notice} onDismiss={() => session.dismissNotice()} focusRef={noticeRef} />
        <TicketAlerts alerts={state.alerts} onDismiss={(key) => session.dismissAlert(key)} />
        <IncomingChats
          offers={offers}
          actions={state.offerActions}
          productName={nameOfProduct}
          onAccept={onAccept}
          onDecline={onDecline}
        />
      </div>
      <OfferAnnouncer offers={offers} productName={nameOfProduct} />
      <Page route={route} state={state} productName={nameOfProduct} onTransferred={onTransferred} />
    </div>
  );
}

interface PageProps {
  route: Route;
  state: SessionState;
  productName: (id: string) => string;
  onTransferred: (text: string) => void;
}

function Page({ route, state, productName, onTransferred }: PageProps) {
  const { team, me } = state;
  switch (route.name) {
    case "offline":
      return <OfflineRequestsPage offline={state.offline} productName={productName} />;
    case "team":
      return <TeamPage me={me} team={team} productName={productName} />;
    case "admin":
      return <AdminRoute state={state} />;
    case "account":
      return <AccountPage />;
    case "wall":
    case "figures":
      return <SupervisionRoute page={route.name} state={state} productName={productName} />;
    case "tickets":
      return <TicketRoute page="list" state={state} productName={productName} />;
    case "history":
      return <HistoryRoute state={state} productName={productName} />;
    case "ticketNew":
      return <TicketRoute page="new" source={route.source} state={state} />;
    case "ticket":
      return <TicketRoute page="ticket" id={route.id} state={state} productName={productName} />;
    case "inbox":
    case "conversation":
      return (
        <InboxPage
          state={state}
          openId={route.name === "conversation" ? route.id : null}
          productName={productName}
          onTransferred={onTransferred}
        />
      );
  }
}
