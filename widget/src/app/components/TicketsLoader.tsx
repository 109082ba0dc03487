import { useEffect, useState } from "preact/hooks";
import { text } from "../i18n/language.ts";
import type { TicketsViewProps } from "./TicketsView.tsx";

type TicketsModule = typeof import("./TicketsView.tsx");

let loading: Promise<TicketsModule> | undefined;

/** The tickets view is its own chunk, fetched on first use (or when the pointer heads for the button). */
export function loadTickets(): Promise<TicketsModule> {
  loading ??= import("./TicketsView.tsx").catch((err: unknown) => {
    // A failed fetch is not cached by the browser's module map either: let the next attempt try again.
    loading = undefined;
    throw err;
  });
  // Its words in the visitor's language come before it shows, so it never flashes English.
  return loading.then(async (m) => {
    await m.loadTicketsText(text().lang);
    return m;
  });
}

export function TicketsLoader(props: TicketsViewProps) {
  const [module, setModule] = useState<TicketsModule | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadTickets().then(
      (m) => live && setModule(m),
      (err: unknown) => {
        console.error("Parley: could not load the tickets view", err);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (module) return <module.TicketsView {...props} />;
  const t = text();
  return (
    <div class="view tickets">
      <p class="notice" role="status">
        {failed ? t.ticketsFailed : t.loadingTickets}
      </p>
      {failed && (
        <div class="ended">
          <button
            type="button"
            class="primary"
            data-autofocus
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          >
            {t.tryAgain}
          </button>
        </div>
      )}
    </div>
  );
}
