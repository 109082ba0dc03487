import type { ChatState } from "./chat-state.ts";
import { text } from "./i18n/language.ts";
import type { OfflineFlow } from "./offline-flow.ts";
import { pendingOfflineRequest } from "./offline-pending.ts";
import type { OfflineExtra, OfflineFields } from "./offline-request.ts";
import { request, type VisitorSocket } from "./request.ts";
import type { KeyValueStore } from "./storage.ts";
import type { Store } from "./store.ts";

/**
 * The offline flow (offline-flow.ts) for the chat client, fetched as its own chunk on the first submit, or at a
 * connect while a request a reload left is still on its way: most visitors never send one (the app's size budget).
 */
export class OfflineFlowLoader {
  private flow: Promise<OfflineFlow> | null = null;
  private stopped = false;

  constructor(
    private readonly storage: KeyValueStore,
    private readonly key: string,
    private readonly store: Store<ChatState>,
    private readonly channel: () => VisitorSocket | null,
  ) {}

  submit(fields: OfflineFields, extra?: OfflineExtra): void {
    this.use((flow) => flow.submit(fields, extra));
  }

  close(): void {
    this.use((flow) => flow.close());
  }

  /** Connected: only a request still on its way needs the flow. */
  resend(): void {
    if (this.store.get().offline.status === "sending") this.use((flow) => flow.resend());
  }

  stop(): void {
    this.stopped = true;
    void this.flow?.then((flow) => flow.stop());
  }

  private use(act: (flow: OfflineFlow) => void): void {
    this.flow ??= import("./offline-flow.ts").then(
      (m) =>
        new m.OfflineFlow(new m.OfflineRequestStore(this.storage, this.key, pendingOfflineRequest), this.store, () => {
          const socket = this.channel();
          return socket && ((pending) => request(socket, "offline:submit", pending));
        }),
    );
    this.flow.then(
      (flow) => {
        if (!this.stopped) act(flow);
      },
      (err: unknown) => {
        // Not fetched (offline, or a deploy removed the chunk): the next attempt fetches again. Only a submit
        // finds the form idle: the visitor is told, as for a refused request.
        this.flow = null;
        console.error("Parley: offline flow", err);
        if (this.store.get().offline.status === "idle") {
          this.store.update({ offline: { status: "idle", error: text().errors.connectionFailed } });
        }
      },
    );
  }
}
