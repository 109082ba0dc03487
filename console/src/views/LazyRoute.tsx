import type { ComponentChild } from "preact";
import { useEffect, useState } from "preact/hooks";

interface LazyRouteProps<M> {
  /** Called once per mount; a module import, so the bundler puts its target in a chunk of its own. */
  load: () => Promise<M>;
  render: (module: M) => ComponentChild;
  /** Part of a page rather than a page: nothing shows until it is loaded (its page stays usable). */
  inline?: boolean;
}

/**
 * A page loaded on first visit, for the pages not every agent opens on every shift: the main chunk is
 * what every agent downloads before the inbox works, and it has a size budget.
 */
export function LazyRoute<M>({ load, render, inline = false }: LazyRouteProps<M>) {
  const [loaded, setLoaded] = useState<{ module: M } | null>(null);
  const [failed, setFailed] = useState(false);
  // Loaded once per mount: `load` is a module import, the same whichever function value carries it.
  useEffect(() => {
    load().then(
      (module) => setLoaded({ module }),
      () => setFailed(true),
    );
  }, []);
  if (loaded) return <>{render(loaded.module)}</>;
  if (inline) {
    return failed ? (
      <p class="error" role="alert">
        Part of this page could not be loaded. Check your connection and reload.
      </p>
    ) : null;
  }
  return (
    <main id="main" tabIndex={-1} class="page" aria-busy={!failed}>
      {failed ? (
        <p class="error" role="alert">
          This page could not be loaded. Check your connection and reload.
        </p>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </main>
  );
}
