let last = 0;

/**
 * A key for a row the admin can add or remove: it keeps a row's inputs (and focus) in place when the rows
 * above it change, and lets an error sent back for "row 2" find that row after later edits.
 */
export function newRowKey(): string {
  last += 1;
  return `r${last}`;
}

export function patchRow<R extends { readonly key: string }>(rows: readonly R[], key: string, patch: Partial<R>): R[] {
  return rows.map((r) => (r.key === key ? { ...r, ...patch } : r));
}

export function removeRow<R extends { readonly key: string }>(rows: readonly R[], key: string): R[] {
  return rows.filter((r) => r.key !== key);
}
