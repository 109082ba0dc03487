import { useEffect } from "preact/hooks";
import { conversationOf, type SessionState } from "../state/session.ts";
import type { TransferTargets } from "../state/transfer.ts";
import { ChatView } from "./ChatView.tsx";
import { Inbox } from "./Inbox.tsx";

interface InboxPageProps {
  state: SessionState;
  openId: string | null;
  productName: (id: string) => string;
  targets: TransferTargets;
  onTransferred: (text: string) => void;
}

/** The lists beside the open chat (on a phone, one or the other). */
export function InboxPage({ state, openId, productName, targets, onTransferred }: InboxPageProps) {
  const visitorName = openId ? conversationOf(state, openId).detail?.visitorName : undefined;
  useEffect(() => {
    document.title = visitorName ? `${visitorName} · Parley console` : "Parley console";
  }, [visitorName]);

  return (
    <main id="main" tabIndex={-1} class={openId ? "workspace has-chat" : "workspace"}>
      <Inbox inbox={state.inbox} openId={openId} meId={state.me.id} productName={productName} />
      {openId ? (
        <ChatView
          key={openId}
          id={openId}
          view={conversationOf(state, openId)}
          outbox={state.outbox}
          me={state.me}
          productName={productName}
          targets={targets}
          onTransferred={onTransferred}
        />
      ) : (
        <section class="chat chat--empty" aria-label="Chat">
          <p>Pick a conversation from the lists to read it here.</p>
        </section>
      )}
    </main>
  );
}
