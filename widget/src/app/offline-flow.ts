import type { ChatState } from "./chat-state.ts";
import { type OfflineExtra, type OfflineFields, OfflineRequestStore } from "./offline-request.ts";
import { type OfflineChannel, OfflineSubmitter } from "./offline-submitter.ts";
import type { Store } from "./store.ts";

// The offline flow chunk's entry (OfflineFlowLoader): the flow and the store of the request on its way.
export { OfflineRequestStore };

/**
 * The offline form, from submit to answer: the request is stored before it is sent, sent until the server
 * answers (on submit and on every connect), and its answer lands in the panel's state only while that same
 * request is still the one on screen.
 */
export class OfflineFlow {
  private readonly submitter: OfflineSubmitter;

  constructor(
    private readonly requests: OfflineRequestStore,
    private readonly store: Store<ChatState>,
    channel: () => OfflineChannel | null,
  ) {
    this.submitter = new OfflineSubmitter(channel, {
      current: () => {
        const { offline } = this.store.get();
        return offline.status === "sending" ? offline.request : null;
      },
      sent: (id, reference) => {
        this.requests.finish(id);
        // What the refused start left for the form has now been sent. The name is kept for a chat later on.
        const { offline, visitorName } = this.store.get();
        const name = visitorName || (offline.status === "sending" ? offline.request.name : "");
        this.settle(id, { offline: { status: "sent", reference }, startFailure: null, visitorName: name });
      },
      refused: (id, reason) => {
        this.requests.finish(id);
        this.settle(id, { offline: { status: "idle", error: reason } });
      },
      retrying: (id, problem) =>
        this.store.update((s) =>
          s.offline.status === "sending" && s.offline.request.clientRequestId === id
            ? { ...s, offline: { ...s.offline, problem } }
            : s,
        ),
    });
  }

  /** Ignored while a request is on its way: the form shows it is sending, and one request is enough. */
  submit(fields: OfflineFields, extra?: OfflineExtra): void {
    if (this.store.get().offline.status === "sending") return;
    const request = this.requests.begin(fields, extra);
    this.store.update({ offline: { status: "sending", request, problem: null } });
    void this.submitter.flush();
  }

  /** Leaves the offline request's confirmation for the chat form, once chats can start again. */
  close(): void {
    if (this.store.get().offline.status === "sent") this.store.update({ offline: { status: "idle", error: null } });
  }

  /** Connected: a request still on its way goes out again. */
  resend(): void {
    void this.submitter.flush();
  }

  stop(): void {
    this.submitter.stop();
  }

  private settle(clientRequestId: string, change: Partial<ChatState>): void {
    this.store.update((s) =>
      s.offline.status === "sending" && s.offline.request.clientRequestId === clientRequestId ? { ...s, ...change } : s,
    );
  }
}
