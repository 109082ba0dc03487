// The site's theme as CSS custom properties, the one way a site's choices reach the widget's styles:
// the server sends them to the loader ready to adopt, and the console's preview sets the same ones. Values come
// from the validated WidgetTheme (#rrggbb colours, a closed set of positions), so nothing else can get in.

export interface ThemeColoursAndSide {
  accentColour: string;
  accentTextColour: string;
  position: "right" | "left";
  /** Dark mode gives the launcher a light edge, so it stands out on a dark page; absent: light. */
  colourScheme?: "auto" | "light" | "dark";
}

/** The launcher's edge in dark mode: a light line around the accent. */
const DARK_EDGE = "#ffffff8c";

/** `--parley-left`/`--parley-right` place the launcher, the panel and the greeting on the chosen side. */
export function themeCustomProperties(theme: ThemeColoursAndSide): Record<string, string> {
  const left = theme.position === "left";
  return {
    "--parley-bg": theme.accentColour,
    "--parley-fg": theme.accentTextColour,
    "--parley-left": left ? "20px" : "auto",
    "--parley-right": left ? "auto" : "20px",
    "--parley-edge": theme.colourScheme === "dark" ? DARK_EDGE : "transparent",
  };
}

/** The custom properties as one rule for the widget's shadow root. */
export function themeHostCss(theme: ThemeColoursAndSide): string {
  const declarations = Object.entries(themeCustomProperties(theme)).map(([name, value]) => `${name}:${value}`);
  const rule = `:host{${declarations.join(";")}}`;
  // "auto": the visitor's system decides, in the browser.
  return theme.colourScheme === "auto"
    ? `${rule}@media (prefers-color-scheme:dark){:host{--parley-edge:${DARK_EDGE}}}`
    : rule;
}
