import { defineConfig } from "vite";
import { squeezeWidgetStyles } from "../scripts/assets/css-strings.mjs";

// The lazily loaded chat app: an ES module, `dist/app.js`, imported by the loader from
// `/widget/app.js`. Built first; it empties dist/, so the loader build must come after.
export default defineConfig({
  publicDir: false,
  plugins: [
    squeezeWidgetStyles(),
    // Vite wraps every import() in a preload helper (0.6 kB gz) that adds <link rel=modulepreload/stylesheet>
    // for a chunk's dependencies and fires "vite:preloadError" on the host page's window. With modulePreload
    // off and styles adopted from strings, this app's chunks never have such dependencies: import() alone does
    // the same. Paid for the language chunks' loaders, which kept the app within its budget.
    {
      name: "parley:no-preload-helper",
      enforce: "pre",
      resolveId: (id) => (id === "\0vite/preload-helper.js" ? id : null),
      load: (id) => (id === "\0vite/preload-helper.js" ? "export const __vitePreload = (load) => load();" : null),
    },
  ],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // ES2022: class fields stay native (down-levelled with their helper, app.js is 0.65 kB gz bigger). The widget
    // needs Safari 14.1+ anyway (Intl.ListFormat); no static blocks or top-level await in the source.
    target: "es2022",
    modulePreload: false,
    rolldownOptions: {
      // greeting.js: the proactive greeting, which the loader fetches on its own, not through the app.
      input: { app: "src/app/mount.tsx", greeting: "src/greeting/greeting.ts" },
      // Keep `mount` exported: nothing in the bundle calls it, the loader does. "allow-extension" lets the
      // lazy chunks (the tickets view) import what they share with the app from app.js itself, rather than
      // splitting it into a third file the app would have to fetch before it can start.
      preserveEntrySignatures: "allow-extension",
      output: {
        format: "es",
        entryFileNames: "[name].js",
        chunkFileNames: "[name]-[hash].js",
        // socket.io (client, engine, parsers) is loaded lazily by connection.ts: one chunk, named for what it is.
        advancedChunks: {
          groups: [{ name: "socket-io", test: /node_modules[\\/](socket\.io-|engine\.io-|@socket\.io[\\/])/ }],
        },
      },
    },
  },
});
