// `npm run build -w @parley/server`: the server compiled to JavaScript in server/dist/, so production starts with
// plain `node` (one bundled file per entry point) instead of tsx transpiling the ~200 TypeScript modules at every
// start. npm packages stay external (loaded from node_modules as usual); the workspace's own @parley/shared is
// bundled, because it is published as TypeScript sources that Node 20 cannot load.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

/** Every bare import is external except @parley/* (what --packages=external does, with that one exception). */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@parley/") ? undefined : { external: true }));
  },
};

const result = await build({
  absWorkingDir: serverDir,
  entryPoints: ["src/main.ts", "src/cli/main.ts", "src/app/cluster-main.ts"],
  outbase: "src",
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  plugins: [externalPackages],
  logLevel: "warning",
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith(".js"));
for (const [file, out] of outputs) console.log(`${file}  ${(out.bytes / 1024).toFixed(0)} kB`);
