// Web Storage throws in some privacy modes, in sandboxed iframes and when full. The
// widget must keep working there, so every access goes through a store that falls back
// to memory: state then lasts for this page only, which beats not chatting at all.

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** A store backed by `localStorage`/`sessionStorage` that never throws. */
export function browserStore(kind: "localStorage" | "sessionStorage"): KeyValueStore {
  const memory = memoryStore();
  // Keys whose last write failed: reads must see the memory copy, not a stale stored one.
  const shadowed = new Set<string>();
  let backing: Storage | null = null;
  try {
    backing = window[kind];
  } catch {
    backing = null;
  }
  return {
    getItem(key) {
      if (shadowed.has(key) || !backing) return memory.getItem(key);
      try {
        return backing.getItem(key);
      } catch {
        return memory.getItem(key);
      }
    },
    setItem(key, value) {
      try {
        backing?.setItem(key, value);
        if (backing) {
          shadowed.delete(key);
          return;
        }
      } catch {
        shadowed.add(key);
      }
      memory.setItem(key, value);
    },
    removeItem(key) {
      shadowed.delete(key);
      memory.removeItem(key);
      try {
        backing?.removeItem(key);
      } catch {
        // Nothing stored there that we could still read.
      }
    },
  };
}
