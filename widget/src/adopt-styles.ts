/**
 * Adds a stylesheet to a shadow root. Constructed stylesheets are not inline styles, so
 * a customer page whose CSP forbids 'unsafe-inline' styles still renders the widget;
 * browsers without them get a <style> element. Returns a function that removes it.
 */
export function adoptStyles(root: ShadowRoot, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.prepend(style);
    return () => style.remove();
  }
}
