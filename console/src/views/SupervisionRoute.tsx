import { useEffect, useState } from "preact/hooks";
import type { SessionState } from "../state/session.ts";

type SupervisionModule = typeof import("./supervision/pages.ts");

interface SupervisionRouteProps {
  page: "wall" | "figures";
  state: SessionState;
  productName: (id: string) => string;
}

/** The wall and the figures are loaded on first visit: only supervisors and admins open them. */
export function SupervisionRoute({ page, state, productName }: SupervisionRouteProps) {
  const [loaded, setLoaded] = useState<SupervisionModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./supervision/pages.ts").then(setLoaded, () => setFailed(true));
  }, []);
  if (loaded) {
    return page === "wall" ? (
      <loaded.WallPage state={state} productName={productName} />
    ) : (
      <loaded.FiguresPage state={state} />
    );
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
