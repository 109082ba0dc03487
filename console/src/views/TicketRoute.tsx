import { useEffect, useState } from "preact/hooks";
import type { TicketSourceRef } from "../router.ts";
import type { SessionState } from "../state/session.ts";

type TicketsModule = typeof import("./tickets/pages.ts");

type TicketRouteProps =
  | { page: "list"; state: SessionState; productName: (id: string) => string }
  | { page: "new"; source: TicketSourceRef; state: SessionState }
  | { page: "ticket"; id: string; state: SessionState; productName: (id: string) => string };

/**
 * The ticket pages are loaded on first visit: the new-ticket form checks the policy's fields with the
 * shared schema module, which brings zod with it, and the inbox should not carry that.
 */
export function TicketRoute(props: TicketRouteProps) {
  const [loaded, setLoaded] = useState<TicketsModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("./tickets/pages.ts").then(setLoaded, () => setFailed(true));
  }, []);
  if (loaded) {
    switch (props.page) {
      case "list":
        return <loaded.TicketListPage state={props.state} productName={props.productName} />;
      case "new":
        return (
          <loaded.NewTicketPage
            key={`${props.source.kind}:${props.source.id}`}
            source={props.source}
            state={props.state}
          />
        );
      case "ticket":
        return <loaded.TicketPage key={props.id} id={props.id} state={props.state} productName={props.productName} />;
    }
  }
  return (
    <main id="main" tabIndex={-1} class="page" aria-busy={!failed}>
      {failed ? (
        <p class="error" role="alert">
          The ticket page could not be loaded. Check your connection and reload.
        </p>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </main>
  );
}
