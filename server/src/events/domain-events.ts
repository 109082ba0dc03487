/**
 * A typed hook for what happened in the domain, told after it is stored. Each domain declares its own map of events
 * (conversations/conversation-events.ts, tickets/ticket-events.ts), so this bus knows none of them and outside
 * consumers (webhooks) follow the domain without the domain knowing them.
 */
type Listener<M, K extends keyof M> = (event: M[K]) => void;

/**
 * Synchronous and cheap to emit: the message path calls it for every message. Listeners must not throw or block;
 * one that does is cut off from the domain (its error goes to `onError`), never the other way round.
 */
export class DomainEvents<M extends object> {
  private readonly listeners: { [K in keyof M]?: Listener<M, K>[] } = {};

  constructor(private readonly onError: (err: unknown, type: keyof M) => void = () => {}) {}

  on<K extends keyof M>(type: K, listener: Listener<M, K>): void {
    const list = (this.listeners[type] ?? []) as Listener<M, K>[];
    list.push(listener);
    (this.listeners as Record<keyof M, unknown>)[type] = list;
  }

  /** Any listener at all: lets a caller skip building what only a listener would need. */
  heard(type: keyof M): boolean {
    return (this.listeners[type]?.length ?? 0) > 0;
  }

  emit<K extends keyof M>(type: K, event: M[K]): void {
    const list = this.listeners[type] as Listener<M, K>[] | undefined;
    if (!list) return;
    for (const listener of list) {
      try {
        listener(event);
      } catch (err) {
        this.onError(err, type);
      }
    }
  }
}

/** What a domain that tells its events needs of the bus. */
export type DomainEventSink<M extends object> = Pick<DomainEvents<M>, "emit" | "heard">;
