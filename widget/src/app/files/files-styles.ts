// The files chunk's rules (a message's download buttons and thumbnails, the staged list): adopted by the panel's
// shadow root when the chunk first draws (FileViews.tsx). The list itself (.files) and .problems stay in styles.ts:
// the app draws them before the chunk comes.
export const FILES_CSS = `
.thumb { display: block; max-width: 100%; max-height: 160px; margin-top: 4px; border-radius: 6px; }
.staged { display: contents; margin: 0; padding: 0; list-style: none; }
.staged li { display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px; padding-inline-start: 8px; background: var(--bubble); border-radius: 12px; font-size: 12px; }
.staged .name { max-width: 160px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.staged .remove { width: 24px; height: 24px; padding: 0; background: transparent; border: 0; border-radius: 12px; font-size: 16px; line-height: 1; }
.file { padding: 0; background: none; border: 0; color: inherit; text-decoration: underline; text-align: start; overflow-wrap: anywhere; }
.size { font-size: 12px; opacity: .8; }
.msg .error { margin-top: 4px; padding: 2px 6px; background: var(--bg); border-radius: 4px; }
`;
