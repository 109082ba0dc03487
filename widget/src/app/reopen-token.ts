// Read at every start; what follows a link (reopen.ts) is a chunk of its own, fetched only when there is one.

/** The token of a "reply while you were away" email link (`#parley=<token>`), if this page was opened by one. */
export function reopenTokenOf(hash: string): string | null {
  const match = /^#parley=([A-Za-z0-9_-]{32,128})$/.exec(hash);
  return match?.[1] ?? null;
}
