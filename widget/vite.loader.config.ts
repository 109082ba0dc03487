import { defineConfig } from "vite";

// The loader customers embed: one classic script, `dist/widget.js`, served at `/widget.js`.
// Built after the app build, without emptying dist/.
export default defineConfig({
  publicDir: false,
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
