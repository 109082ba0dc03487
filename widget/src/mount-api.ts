// The contract between the loader (widget.js) and the lazily loaded app (widget/app.js).
// The two files are cached independently, so for a few minutes after a release a new
// loader may meet an old app or the reverse: only ever add optional members here.

export interface MountOptions {
  /** Origin of the Parley server, e.g. "https://parley.example.com" (no trailing slash). */
  serverUrl: string;
  siteKey: string;
  /** Whether the panel starts open. */
  open: boolean;
  /** Move keyboard focus into the panel right away (false when restoring on page load). */
  focus?: boolean;
  /** The visitor asked to close the panel from inside it (the minimize button). */
  onRequestClose?: () => void;
  /** Agent messages that arrived while the panel was closed; 0 once it is opened. */
  onUnread?: (count: number) => void;
  /**
   * The visitor's language as a BCP 47 tag: set by `Parley('setLocale', …)`, else absent and the app reads the
   * browser's. Unknown languages fall back to English.
   */
  locale?: string;
  /** Told of every new chat message the visitor sees, either side's (`Parley('on', 'message', fn)`). */
  onMessage?: (message: WidgetMessageEvent) => void;
  /**
   * The page's `Parley(…)` calls that the loader leaves to the app (identify, logout, setLocale, on, off), in order,
   * made before the app loaded: the app replays them before it connects. Later ones come through `handle.call`.
   */
  calls?: ArrayLike<ArrayLike<unknown>>;
}

/** What `Parley('on', 'message', fn)` hands the host page: no ids or internals, just what was said. */
export interface WidgetMessageEvent {
  from: "visitor" | "agent" | "system";
  body: string;
  at: string;
}

export interface WidgetHandle {
  /** The id of the panel element, for the launcher's aria-controls. */
  readonly panelId: string;
  setOpen(open: boolean, focus?: boolean): void;
  /** Switches the widget's language (`Parley('setLocale', …)`); absent in apps older than languages. */
  setLocale?(locale: string): void;
  /** One `Parley(…)` call of those in `MountOptions.calls`, made after the app loaded. */
  call?(args: ArrayLike<unknown>): void;
  /** Disconnects and removes the app's DOM; the shadow root itself is the loader's. */
  destroy(): void;
}

export type MountFunction = (root: ShadowRoot, options: MountOptions) => WidgetHandle;
