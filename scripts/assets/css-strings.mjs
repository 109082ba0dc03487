// The widget's stylesheets are strings in its bundle (adopted by the shadow root, so no request), which the
// bundler leaves as written: comments, indentation and a space after every colon. This squeezes the CSS in the
// string literals of the widget's `*styles.ts` modules at build time (for the app's size budget: about 1.3 kB raw of
// app.js). It only removes what CSS ignores; what it keeps is checked against lightningcss in the test.

/**
 * Minimal CSS: comments out, whitespace runs to one space, no space around `{ } ; , >` or after `:`, and no `;`
 * before `}`. A space before `:` stays (`a :hover` is not `a:hover`), as do spaces around `+ - * /` (calc needs them).
 */
export function squeezeCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}")
    .trim();
}

/**
 * Squeezes the static text of every template literal and double-quoted string in a styles module; `${…}`
 * interpolations are kept as they are. Only meant for modules made of CSS strings.
 */
export function squeezeStylesModule(source) {
  return (
    source
      // Line comments first: a backtick in one would otherwise open a "literal".
      .replace(/^\s*\/\/.*$/gm, "")
      .replace(/`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g, (_m, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `\`${parts.map((p) => (p.startsWith("${") ? p : squeezeCss(p))).join("")}\``;
      })
      .replace(/^(const \w+ =\s*)"([^"\\]*)";$/gm, (_m, head, body) => `${head}${JSON.stringify(squeezeCss(body))};`)
  );
}

/** The Vite (rolldown) plugin: squeezes `*styles.ts` modules of the widget's source. */
export function squeezeWidgetStyles() {
  return {
    name: "parley:squeeze-css-strings",
    transform(code, id) {
      return /[\\/]src[\\/].*styles\.ts$/.test(id) ? { code: squeezeStylesModule(code), map: null } : null;
    },
  };
}
