import { defineConfig, type Plugin } from "vite";

/**
 * The launcher's stylesheet is a string the minifier leaves alone: its layout whitespace is squeezed out here, so the
 * source stays readable and the loader stays inside its 2 kB gz budget.
 */
const squeezeLauncherCss = (): Plugin => ({
  name: "squeeze-launcher-css",
  transform(code, id) {
    if (!id.endsWith("/src/loader.ts")) return null;
    return code.replace(/(const LAUNCHER_CSS = `)([^`]*)`/, (_, head: string, css: string) => {
      const squeezed = css
        .replace(/\s+/g, " ")
        .replace(/\s*([{};,])\s*/g, "$1")
        .replace(/: /g, ":")
        .replace(/;}/g, "}")
        .trim();
      return `${head}${squeezed}\``;
    });
  },
});

// The loader customers embed: one classic script, `dist/widget.js`, served at `/widget.js`.
// Built after the app build, without emptying dist/.
export default defineConfig({
  publicDir: false,
  plugins: [squeezeLauncherCss()],
  build: {
    outDir: "dist",
    emptyOutDir: false,
    target: "es2020",
    lib: {
      entry: "src/loader.ts",
      formats: ["iife"],
      name: "ParleyLoader",
      fileName: () => "widget.js",
    },
  },
});
