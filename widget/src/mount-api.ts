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
}

export interface WidgetHandle {
  /** The id of the panel element, for the launcher's aria-controls. */
  readonly panelId: string;
  setOpen(open: boolean, focus?: boolean): void;
  /** Disconnects and removes the app's DOM; the shadow root itself is the loader's. */
  destroy(): void;
}

export type MountFunction = (root: ShadowRoot, options: MountOptions) => WidgetHandle;
