import { useEffect, useState } from "preact/hooks";
import type { SessionState } from "../state/session.ts";

type HistoryModule = typeof import("./history/pages.ts");
let loading: Promise<HistoryModule> | undefined;
const load = () => {
  loading ??= import("./history/pages.ts");
  return loading;
};

function useHistoryModule(): [HistoryModule | null, boolean] {
  const [loaded, setLoaded] = useState<HistoryModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(setLoaded, () => {
      loading = undefined;
      setFailed(true);
    });
  }, []);
  return [loaded, failed];
}

/** `/console/history`, loaded on first visit: the inbox should not carry it. */
export function HistoryRoute(props: { state: SessionState; productName: (id: string) => string }) {
  const [loaded, failed] = useHistoryModule();
  if (loaded) return <loaded.HistoryPage {...props} />;
  return (
    <main id="main" tabIndex={-1} class="page" aria-busy={!failed}>
      <p class={failed ? "error" : "muted"} role={failed ? "alert" : undefined}>
        {failed ? "The history page could not be loaded. Check your connection and reload." : "Loading…"}
      </p>
    </main>
  );
}

/** The visitor's earlier chats and tickets, in the visitor panel: from the same lazily loaded module. */
export function VisitorPast({ conversationId }: { conversationId: string }) {
  const [loaded] = useHistoryModule();
  return loaded ? <loaded.VisitorPast key={conversationId} conversationId={conversationId} /> : null;
}
