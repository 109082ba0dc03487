import { useEffect, useMemo } from "preact/hooks";
import { conversationOf, type SessionState } from "../state/session.ts";
import { transferTargets } from "../state/transfer.ts";
import { isParticipant, wallChat } from "../state/wall.ts";
import { Inbox } from "./Inbox.tsx";
import { LazyRoute } from "./LazyRoute.tsx";

interface InboxPageProps {
  state: SessionState;
  openId: string | null;
  productName: (id: string) => string;
  onTransferred: (text: string) => void;
}

/**
 * The open chat (messages, composer, visitor panel, transfer) is a chunk of its own, fetched as soon as the
 * inbox shows: the lists come up without waiting for it, and a chat opened a moment later finds it loaded.
 */
const loadChat = () => import("./ChatView.tsx");

/** The lists beside the open chat (on a phone, one or the other). */
export function InboxPage({ state, openId, productName, onTransferred }: InboxPageProps) {
  const view = openId ? conversationOf(state, openId) : null;
  const detail = view?.detail ?? null;
  const joined = openId !== null && (view?.joined === true || isParticipant(wallChat(state.wall, openId), state.me));
  const visitorName = detail?.visitorName;
  const assigneeId = detail?.assignee?.id ?? null;
  const { team, site, me } = state;
  const targets = useMemo(
    () => transferTargets(team.members, site.settings?.products ?? [], me.id, assigneeId),
    [team.members, site.settings, me.id, assigneeId],
  );
  useEffect(() => {
    loadChat().catch(() => undefined);
  }, []);
  useEffect(() => {
    document.title = visitorName ? `${visitorName} · Parley console` : "Parley console";
  }, [visitorName]);

  return (
    <main id="main" tabIndex={-1} class={openId ? "workspace has-chat" : "workspace"}>
      <Inbox inbox={state.inbox} openId={openId} meId={state.me.id} productName={productName} />
      {openId ? (
        <LazyRoute
          inline
          load={loadChat}
          render={(m) => (
            <m.ChatView
              key={openId}
              id={openId}
              view={conversationOf(state, openId)}
              outbox={state.outbox}
              me={state.me}
              productName={productName}
              targets={targets}
              joined={joined}
              onTransferred={onTransferred}
            />
          )}
        />
      ) : (
        <section class="chat chat--empty" aria-label="Chat">
          <p>Pick a conversation from the lists to read it here.</p>
        </section>
      )}
    </main>
  );
}
