import { defineConfig } from "vite";

// The lazily loaded chat app: an ES module, `dist/app.js`, imported by the loader from
// `/widget/app.js`. Built first; it empties dist/, so the loader build must come after.
export default defineConfig({
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    modulePreload: false,
    rolldownOptions: {
      // greeting.js: the proactive greeting (issue 14), which the loader fetches on its own, not through the app.
      input: { app: "src/app/mount.tsx", greeting: "src/greeting/greeting.ts" },
      // Keep `mount` exported: nothing in the bundle calls it, the loader does. "allow-extension" lets the
      // lazy chunks (the tickets view) import what they share with the app from app.js itself, rather than
      // splitting it into a third file the app would have to fetch before it can start.
      preserveEntrySignatures: "allow-extension",
      output: {
        format: "es",
        entryFileNames: "[name].js",
        chunkFileNames: "[name]-[hash].js",
      },
    },
  },
});
