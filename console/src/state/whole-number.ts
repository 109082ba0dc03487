/** The number a numeric field holds, or null unless it is a whole number (JSON cannot carry NaN). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}
