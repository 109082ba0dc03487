// The panel's stylesheet, adopted by the shadow root: no request, and no host-page rule
// can reach in. Sizes are in px because `rem` would follow the host page's root font size;
// browser zoom still scales them. Sides are logical (inline-start, end-end, text-align: start) so that a panel
// in a right-to-left language (dir="rtl") mirrors by itself.

// Theming: the site's accent and the text on it come as custom properties from the loader's shadow root
// (--parley-bg, --parley-fg, --parley-left/right: @parley/shared/theme-css); the panel's own surfaces are
// variables too, so dark mode (the site's setting, or the visitor's prefers-color-scheme on "auto") swaps them.
const ACCENT = "var(--parley-bg, #1f4fd1)";
const ON_ACCENT = "var(--parley-fg, #fff)";

const LIGHT =
  "--bg: #fff; --fg: #1d2433; --muted: #475467; --fg2: #344054; --line: #e4e7ec; --edge: #c9ced8; --soft: #f2f4f7; --bubble: #eef0f4; --field: #8c95a6; --danger: #b42318; --link: #1f4fd1; --focus: #1f4fd1; --tint: #f5f8ff;";
const DARK =
  "--bg: #161b26; --fg: #f2f4f7; --muted: #b3bac7; --fg2: #d0d5dd; --line: #344054; --edge: #475467; --soft: #1f2633; --bubble: #263042; --field: #8c95a6; --danger: #fda29b; --link: #8fb0ff; --focus: #8fb0ff; --tint: #1c2540;";

export const PANEL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.panel {
  ${LIGHT}
  position: fixed; z-index: 2147483000; right: var(--parley-right, 20px); left: var(--parley-left); bottom: 84px;
  width: 360px; height: 520px; max-width: calc(100vw - 40px); max-height: calc(100vh - 104px);
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--bg); color: var(--fg); border: 1px solid var(--edge); border-radius: 12px;
  box-shadow: 0 12px 32px rgba(16, 24, 40, .22);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  text-align: start;
}
.panel[data-scheme="dark"] { ${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) { .panel[data-scheme="auto"] { ${DARK} color-scheme: dark; } }
.panel:focus { outline: none; }
.panel:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (max-width: 480px), (max-height: 560px) {
  .panel { inset: 0; width: auto; height: auto; max-width: none; max-height: none; border-radius: 0; }
}
button, input, select, textarea { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.header { display: flex; align-items: center; gap: 8px; padding: 10px; padding-inline-start: 16px; background: ${ACCENT}; color: ${ON_ACCENT}; }
.heading { flex: 1; min-width: 0; }
.avatar { flex: none; width: 32px; height: 32px; border-radius: 50%; object-fit: cover; background: var(--bg); }
.title { margin: 0; font-size: 16px; font-weight: 600; }
.connection { margin: 0; font-size: 12px; }
.icon-button { display: inline-flex; align-items: center; justify-content: center; width: 36px; height: 36px; padding: 0;
  background: transparent; color: inherit; border: 1px solid transparent; border-radius: 8px; }
.icon-button:hover { background: rgba(127, 127, 127, .25); }
.icon-button:focus-visible { outline-color: currentColor; outline-offset: -4px; }

.status { margin: 0; padding: 8px 16px; font-size: 13px; background: var(--soft); color: var(--fg2); border-bottom: 1px solid var(--line); }
.notice { margin: 0; padding: 24px 16px; color: var(--fg2); }

.log { flex: 1; min-height: 0; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; padding: 12px; }
.log:focus-visible { outline-offset: -3px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; border: 1px solid transparent; }
.msg-visitor { align-self: flex-end; background: ${ACCENT}; color: ${ON_ACCENT}; border-end-end-radius: 4px; }
.msg-agent { align-self: flex-start; background: var(--bubble); color: var(--fg); border-end-start-radius: 4px; }
.msg-system { align-self: center; max-width: 100%; padding: 2px 8px; text-align: center; color: var(--muted); font-size: 12px; }
.msg-system .meta { justify-content: center; }
.msg-pending { opacity: .8; }
.msg-failed { background: var(--bg); color: var(--fg); border-color: var(--danger); }
.meta { display: flex; gap: 8px; align-items: baseline; font-size: 12px; margin-bottom: 2px; }
.author { font-weight: 600; }
.body { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.body a { color: inherit; text-decoration: underline; }
.body code { font: .9em ui-monospace, monospace; background: rgba(0,0,0,.08); padding: 0 3px; border-radius: 3px; }
.note { margin: 4px 0 0; font-size: 12px; font-style: italic; }
.msg-failed .note { color: var(--danger); font-style: normal; font-weight: 600; }
.typing { margin: 0; padding: 0 12px; min-height: 16px; font-size: 12px; font-style: italic; color: var(--muted); }

.composer { display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; padding: 10px 12px; border-top: 1px solid var(--line); }
.composer textarea { min-height: 44px; max-height: 140px; }
.composer .hint, .composer .error { grid-column: 1 / -1; }
textarea, input, select { width: 100%; padding: 8px 10px; background: var(--bg); border: 1px solid var(--field); border-radius: 8px; }
textarea { resize: vertical; }
/* Below 16px, iOS zooms the page in when a field gets focus. */
@media (max-width: 480px), (pointer: coarse) { textarea, input, select { font-size: 16px; } }
[aria-invalid="true"] { border-color: var(--danger); }
.primary { min-height: 40px; padding: 8px 16px; font-weight: 600; background: ${ACCENT}; color: ${ON_ACCENT}; border: 1px solid transparent; border-radius: 8px; }
.primary:hover { filter: brightness(.9); }
.hint { margin: 0; font-size: 12px; color: var(--muted); }
.hint[data-over] { color: var(--danger); font-weight: 600; }
.error { margin: 0; font-size: 13px; color: var(--danger); }

.ended { padding: 12px; border-top: 1px solid var(--line); text-align: center; }
.pre-chat { flex: 1; min-height: 0; overflow-y: auto; display: flex; flex-direction: column; gap: 12px; padding: 16px; }
.intro { margin: 0; }
.link-button { padding: 0; border: 0; background: none; color: var(--link); text-decoration: underline; font: inherit; cursor: pointer; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; }
.pre-chat .primary, .offline .primary { align-self: flex-start; }
.primary[aria-disabled="true"] { opacity: .6; cursor: progress; }
.offline { flex: 1; min-height: 0; overflow-y: auto; display: flex; flex-direction: column; gap: 12px; padding: 16px; }

.view { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.header-button { min-height: 36px; padding: 4px 10px; background: transparent; color: inherit; border: 1px solid currentColor; border-radius: 8px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.header-button:hover { background: rgba(127, 127, 127, .25); }
.header-button:focus-visible { outline-color: currentColor; }
.attachments { grid-column: 1 / -1; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.attach { display: inline-flex; align-items: center; min-height: 32px; padding: 4px 10px; border: 1px solid var(--field); border-radius: 8px; font-size: 13px; cursor: pointer; }
.attach:hover { background: var(--soft); }
.attach:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
.problems { grid-column: 1 / -1; }
.files { margin: 0; padding: 0; list-style: none; }
.files { margin-top: 4px; font-size: 13px; }
`;
