import type { AgentDto, ConversationDetailDto, MessageDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import type { ChatExtras } from "../realtime/chat-extras.ts";
import type { SignalsState } from "../realtime/chat-signals.ts";
import { useSession } from "./session-context.ts";

const NONE: SignalsState = { typing: {}, seenByVisitor: {} };

/**
 * Typing, "Seen" and drafts for the open chat: who is typing there, up to where the visitor has read,
 * and this agent's reading, marked while the chat is on screen in a visible tab. Only who answers the chat marks
 * it (`answering`): a supervisor reading along must not make the visitor see "Seen". `extras` is null for the
 * moment their chunk takes to load after sign-in; the composer waits for it, so a draft is never missed.
 */
export function useChatSignals(
  id: string,
  detail: ConversationDetailDto | null,
  messages: readonly MessageDto[],
  me: AgentDto,
  answering: boolean,
) {
  const session = useSession();
  const [extras, setExtras] = useState<ChatExtras | null>(session.extras);
  const signals = extras?.signals;
  const [state, setState] = useState<SignalsState>(() => signals?.store.get() ?? NONE);
  useEffect(() => {
    if (!signals) {
      void session.loadChatExtras().then(setExtras, () => undefined);
      return;
    }
    setState(signals.store.get());
    return signals.store.subscribe(setState);
  }, [session, signals]);
  const seq = messages.at(-1)?.seq ?? 0;
  let othersSeq = 0;
  for (const m of messages) if (!(m.author.kind === "agent" && m.author.id === me.id)) othersSeq = m.seq;

  useEffect(() => {
    if (!answering || !signals) return;
    const mark = () => {
      if (document.visibilityState === "visible") signals.markRead(id, seq, othersSeq);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [signals, id, seq, othersSeq, answering]);

  // Leaving the chat ends this agent's typing in it.
  useEffect(() => () => signals?.stopTyping(), [signals, id]);

  return {
    drafts: extras?.drafts ?? null,
    typing: state.typing[id] ?? "",
    seenSeq: Math.max(detail?.readSeq.visitor ?? 0, state.seenByVisitor[id] ?? 0),
    onTyping: (hasText: boolean) => signals?.input(id, hasText),
    onStopTyping: () => signals?.stopTyping(),
  };
}
