import { useContext, useEffect, useState } from "preact/hooks";
import type { ChatState } from "../chat-state.ts";
import { text } from "../i18n/language.ts";
import { WidgetConfigContext } from "../widget-config.ts";

interface Props {
  /** Null when there is nothing to connect to (the widget is unavailable here). */
  connection: ChatState["connection"] | null;
  onMinimize: () => void;
  /** Switches between the chat and the visitor's tickets; null hides it (no tickets yet). */
  ticketsToggle: { label: string; onClick: () => void; onPointerEnter?: () => void } | null;
}

export const TITLE_ID = "parley-title";

export function Header({ connection, onMinimize, ticketsToggle }: Props) {
  // Brief blips (the first connect, a quick reconnect) are not worth a flash of text.
  const showConnection = useDelayed(connection !== null && connection !== "online", 1500);
  const t = text();
  const theme = useContext(WidgetConfigContext)?.theme;
  return (
    // A div, not <header>: inside the panel (a dialog, not a sectioning element) a <header> is a second
    // "banner" landmark beside the host page's own, which axe rightly flags.
    <div class="header">
      {/* Decorative: the team's name beside it says who this is. */}
      {theme?.avatarUrl && <img class="avatar" src={theme.avatarUrl} alt="" width={32} height={32} />}
      <div class="heading">
        <h2 class="title" id={TITLE_ID}>
          {theme?.teamName || t.title}
        </h2>
        {showConnection && <p class="connection">{connection === "offline" ? t.reconnecting : t.connecting}</p>}
      </div>
      {ticketsToggle && (
        // One button whose label flips, so focus stays put when the visitor goes back to the chat.
        <button
          type="button"
          class="header-button"
          onClick={ticketsToggle.onClick}
          onPointerEnter={ticketsToggle.onPointerEnter}
        >
          {ticketsToggle.label}
        </button>
      )}
      <button type="button" class="icon-button" aria-label={t.minimize} title={t.minimize} onClick={onMinimize}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M5 12h14" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
        </svg>
      </button>
    </div>
  );
}

function useDelayed(flag: boolean, delayMs: number): boolean {
  const [value, setValue] = useState(false);
  useEffect(() => {
    if (!flag) {
      setValue(false);
      return;
    }
    const timer = setTimeout(() => setValue(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return value;
}
