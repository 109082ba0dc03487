import { useEffect, useState } from "preact/hooks";
import type { SessionState } from "../state/session.ts";

type AdminModule = typeof import("./admin/AdminPage.tsx");

/**
 * The admin page is loaded on first visit: it alone needs the shared schema module (for the policy
 * calendar and weekday list), which brings zod with it, and most staff never open it.
 */
export function AdminRoute({ state }: { state: SessionState }) {
  const [loaded, setLoaded] = useState<AdminModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./admin/AdminPage.tsx").then(setLoaded, () => setFailed(true));
  }, []);
  if (loaded) return <loaded.AdminPage state={state} />;
  return (
    <main id="main" tabIndex={-1} class="page" aria-busy={!failed}>
      {failed ? (
        <p class="error" role="alert">
          The admin page could not be loaded. Check your connection and reload.
        </p>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </main>
  );
}
