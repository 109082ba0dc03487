/**
 * The launcher's stylesheet (the loader's shadow root), sent in the widget config with the site's theme rather than
 * built into widget.js, which every page of every customer site downloads: the loader stays within its 2 kB. The
 * site's theme arrives as custom properties (not reset by `all: initial`). Written compactly all the same.
 */
export const LAUNCHER_CSS = `:host{all:initial!important}
:host([hidden]),[hidden]{display:none!important}
.launcher{position:fixed;z-index:2147483000;right:var(--parley-right,20px);left:var(--parley-left);bottom:20px;display:inline-flex;align-items:center;gap:8px;min-height:48px;margin:0;padding:0 20px 0 16px;border:1px solid var(--parley-edge,#0000);border-radius:24px;background:var(--parley-bg,#1f4fd1);color:var(--parley-fg,#fff);font:600 15px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;box-shadow:0 6px 20px #1018284d;cursor:pointer}
.launcher:hover{filter:brightness(.9)}
.launcher:focus-visible{outline:3px solid #1f4fd1;outline-offset:3px;box-shadow:0 0 0 3px #fff}
.launcher svg{width:20px;height:20px;flex:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.badge{min-width:20px;padding:1px 6px;border-radius:10px;background:var(--parley-fg,#fff);color:var(--parley-bg,#1f4fd1);font-size:12px;text-align:center}`;
