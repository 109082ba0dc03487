import type { AgentDto } from "@parley/shared";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { signOut } from "../api/auth.ts";
import { ConsoleSession } from "../realtime/session.ts";
import { navigate, pathFor, type Route, useRoute } from "../router.ts";
import { nextWaitingChat } from "../state/inbox-rows.ts";
import { offersFor, type RingingOffer } from "../state/offers.ts";
import type { SessionState } from "../state/session.ts";
import { productName } from "../state/site.ts";
import { RepliesRoute } from "./CannedLazy.tsx";
import { Header } from "./Header.tsx";
import { InboxPage } from "./InboxPage.tsx";
import { IncomingChats } from "./IncomingChats.tsx";
import { LazyRoute } from "./LazyRoute.tsx";
import { NoticeBar } from "./NoticeBar.tsx";
import { OfferAnnouncer } from "./OfferAnnouncer.tsx";
import { AwayNotice } from "./ringing/AwayNotice.tsx";
import { KeyboardShortcuts } from "./ringing/KeyboardShortcuts.tsx";
import { NotificationBanner } from "./ringing/NotificationBanner.tsx";
import { RingingSignals } from "./ringing/RingingSignals.tsx";
import { SessionContext, useSessionState } from "./session-context.ts";
import { TicketAlerts } from "./TicketAlerts.tsx";

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
  const currentId = route.name === "conversation" ? route.id : null;
  const mine = state.inbox.mine;
  // Alt+A answers the chat that stops ringing first; Alt+N goes to the next chat waiting for my answer.
  const acceptFirst = () => {
    const first = offers[0];
    if (first) void onAccept(first);
  };
  const nextChat = () => {
    const id = nextWaitingChat(mine, currentId);
    if (id) navigate(pathFor({ name: "conversation", id }));
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
        onSound={(on) => session.presence.setSound(on)}
        onSignOut={onSignOut}
      />
      <div class="alerts">
        <NoticeBar notice={state.notice} onDismiss={() => session.dismissNotice()} focusRef={noticeRef} />
        <AwayNotice
          notice={state.agentNotice}
          onGoOnline={() => void session.presence.set("online")}
          onDismiss={() => session.presence.dismissNotice()}
        />
        <NotificationBanner agentId={state.me.id} />
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
      <RingingSignals offers={offers} sound={state.me.notifySound} productName={nameOfProduct} />
      <KeyboardShortcuts accept={acceptFirst} nextChat={nextChat} />
      <Page route={route} state={state} productName={nameOfProduct} onTransferred={onTransferred} />
    </div>
  );
}

// Loaded on first visit. The admin and ticket pages check input with the shared schema module, which
// brings zod with it; the wall and the figures are for supervisors and admins only.
const loadSidePages = () => import("./side-pages.ts");
const loadAdmin = () => import("./admin/AdminPage.tsx");
const loadSupervision = () => import("./supervision/pages.ts");
const loadTickets = () => import("./tickets/pages.ts");
const loadHistory = () => import("./history/pages.ts");

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
      return (
        <LazyRoute
          key="side"
          load={loadSidePages}
          render={(m) => <m.OfflineRequestsPage offline={state.offline} productName={productName} />}
        />
      );
    case "team":
      return (
        <LazyRoute
          key="side"
          load={loadSidePages}
          render={(m) => <m.TeamPage me={me} team={team} productName={productName} />}
        />
      );
    case "admin":
      return <LazyRoute key="admin" load={loadAdmin} render={(m) => <m.AdminPage state={state} />} />;
    case "account":
      return <LazyRoute key="side" load={loadSidePages} render={(m) => <m.AccountPage />} />;
    case "replies":
      return <RepliesRoute me={me} />;
    case "wall":
    case "figures":
      return (
        <LazyRoute
          key="supervision"
          load={loadSupervision}
          render={(m) =>
            route.name === "wall" ? (
              <m.WallPage state={state} productName={productName} />
            ) : (
              <m.FiguresPage state={state} />
            )
          }
        />
      );
    case "tickets":
      return (
        <LazyRoute
          key="tickets"
          load={loadTickets}
          render={(m) => <m.TicketListPage state={state} productName={productName} />}
        />
      );
    case "history":
      return (
        <LazyRoute
          key="history"
          load={loadHistory}
          render={(m) => <m.HistoryPage state={state} productName={productName} />}
        />
      );
    case "ticketNew":
      return (
        <LazyRoute
          key="tickets"
          load={loadTickets}
          render={(m) => (
            <m.NewTicketPage key={`${route.source.kind}:${route.source.id}`} source={route.source} state={state} />
          )}
        />
      );
    case "ticket":
      return (
        <LazyRoute
          key="tickets"
          load={loadTickets}
          render={(m) => <m.TicketPage key={route.id} id={route.id} state={state} productName={productName} />}
        />
      );
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
