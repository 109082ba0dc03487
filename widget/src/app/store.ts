/** A minimal observable value: the client writes it, components subscribe to it. */
export class Store<T> {
  private listeners = new Set<(value: T) => void>();

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  update(change: Partial<T> | ((current: T) => T)): void {
    const next = typeof change === "function" ? change(this.value) : { ...this.value, ...change };
    if (next === this.value) return;
    this.value = next;
    for (const listener of this.listeners) listener(next);
  }

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
