import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "lightningcss";
import { afterAll, describe, expect, it } from "vitest";
import { squeezeCss, squeezeStylesModule } from "./css-strings.mjs";

const widgetSrc = fileURLToPath(new URL("../../widget/src/app/", import.meta.url));
/** Every module the build squeezes (squeezeWidgetStyles: the widget's `*styles.ts`). */
const modules = readdirSync(widgetSrc, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("styles.ts"));
const dir = mkdtempSync(path.join(tmpdir(), "parley-css-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lightningcss's minified form: two stylesheets that mean the same give the same text. */
const canonical = (css) => transform({ filename: "x.css", code: Buffer.from(css), minify: true }).code.toString();

describe("squeezing the widget's CSS strings", () => {
  it("should find the stylesheets", () => expect(modules.length).toBeGreaterThanOrEqual(5));

  it.each(modules)("should keep %s's stylesheets meaning the same, and smaller", async (file) => {
    const source = readFileSync(path.join(widgetSrc, file), "utf8");
    const squeezed = squeezeStylesModule(source);
    // The squeezed module is loaded as the bundle would: same exports, squeezed strings.
    const copy = path.join(dir, file.replace(/\//g, "_"));
    writeFileSync(copy, squeezed);
    const before = await import(pathToFileURL(path.join(widgetSrc, file)).href);
    const after = await import(pathToFileURL(copy).href);
    const names = Object.keys(before).filter((k) => typeof before[k] === "string");
    expect(names.length).toBeGreaterThan(0);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of names) {
      expect(canonical(after[name])).toBe(canonical(before[name]));
      expect(after[name].length).toBeLessThan(before[name].length);
    }
  });

  it("should keep the spaces CSS needs", () => {
    expect(squeezeCss(".a :hover { width: calc(100% - 4px); }")).toBe(".a :hover{width:calc(100% - 4px)}");
    expect(squeezeCss("/* why */ a > b , c { margin : 0 auto ; }")).toBe("a>b,c{margin :0 auto}");
    expect(squeezeCss('@media (max-width: 480px) and (hover: none) { a { font: 14px "Segoe UI"; } }')).toBe(
      '@media (max-width:480px) and (hover:none){a{font:14px "Segoe UI"}}',
    );
  });
});
