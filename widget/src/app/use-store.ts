import { useEffect, useState } from "preact/hooks";
import type { Store } from "./store.ts";

export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    // The store may have changed between render and subscription.
    setValue(() => store.get());
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
