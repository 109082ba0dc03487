// WCAG 2.x contrast between two sRGB colours, for the widget's accent and the text drawn on it (see
// docs/embedding.md, "Theming"). Pure: the console checks as the admin types, the schema on save.
// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio

/** The ratio WCAG AA asks of normal-size text: the launcher's label is 15 px. */
export const AA_TEXT_CONTRAST = 4.5;

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** Relative luminance of `#rrggbb`, from 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const digits = HEX.exec(hex)?.[1];
  if (!digits) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  const channel = (offset: number) => {
    const c = Number.parseInt(digits.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** From 1 (same luminance) to 21 (black on white); the order of the two colours does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Whether `text` on `background` passes AA for normal text. Compared unrounded: a ratio that would print as
 * 4.5 but is 4.499 fails, as WCAG's own technique says (G18: "4.5:1 or greater", no rounding).
 */
export function passesAA(text: string, background: string): boolean {
  return contrastRatio(text, background) >= AA_TEXT_CONTRAST;
}
