import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Served by the Parley server under /console/ (same origin as the API and sockets).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/console/",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Every browser the console supports has native modulepreload; skip the polyfill bytes.
    modulePreload: { polyfill: false },
  },
});
