import type { ComponentType } from "preact";
import { useEffect, useLayoutEffect, useState } from "preact/hooks";
import type { Catalogue } from "../i18n/en.ts";
import { text } from "../i18n/language.ts";

/**
 * A view that is its own chunk, fetched on first use (or earlier, through `load`, when the pointer heads for the
 * control that shows it): the app every visitor downloads stays small (the bundle budget).
 */
export interface LazyView<P> {
  load(): Promise<ComponentType<P>>;
  View: (props: P & LazyViewProps) => preact.JSX.Element;
}

interface LazyViewProps {
  /** The class of the placeholder shown while the chunk loads (the view's own, so the layout holds). */
  viewClass: string;
  /** Told once the view is on screen: the panel moves focus into it if it was waiting on the placeholder. */
  onShown?: () => void;
}

export function lazyView<P extends object>(
  fetch: () => Promise<ComponentType<P>>,
  /** Its placeholder's words, read at each render so a language switch applies. */
  words: (t: Catalogue) => { loading: string; failed: string },
): LazyView<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const load = () => {
    loading ??= fetch().catch((err: unknown) => {
      // A failed fetch is not cached by the browser's module map either: let the next attempt try again.
      loading = undefined;
      throw err;
    });
    return loading;
  };

  function View({ viewClass, onShown, ...props }: P & LazyViewProps) {
    const [Loaded, setLoaded] = useState<{ C: ComponentType<P> } | null>(null);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      let live = true;
      load().then(
        (C) => live && setLoaded({ C }),
        (err: unknown) => {
          console.error("Parley: could not load a view", err);
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);

    useLayoutEffect(() => {
      if (Loaded) onShown?.();
    }, [Loaded]);

    if (Loaded) return <Loaded.C {...(props as P)} />;
    const t = text();
    const { loading, failed: failedText } = words(t);
    return (
      <div class={viewClass}>
        <p class="notice" role="status">
          {failed ? failedText : loading}
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
  return { load, View };
}
