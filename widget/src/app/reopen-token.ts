/** The token of a "reply while you were away" email link (`#parley=<token>`), if this page was opened by one. */
export function reopenTokenOf(hash: string): string | null {
  const match = /^#parley=([A-Za-z0-9_-]{32,128})$/.exec(hash);
  return match?.[1] ?? null;
}
