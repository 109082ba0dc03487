// Storage keys shared by the loader and the app. Namespaced per site so two Parley
// widgets (or two sites) on one host origin never read each other's state.

export const storageKeys = (siteKey: string) => ({
  /** localStorage: the visitor's bearer token for this site. */
  visitor: `parley:${siteKey}:visitor`,
  /** localStorage: sends not yet acknowledged by the server. */
  outbox: `parley:${siteKey}:outbox`,
  /** localStorage: the conversation to restore on the next page. */
  conversation: `parley:${siteKey}:conversation`,
  /** sessionStorage: the panel was open, so the next page of this tab reopens it. */
  open: `parley:${siteKey}:open`,
});

export type StorageKeys = ReturnType<typeof storageKeys>;

/**
 * localStorage: an offline request sent but not yet acknowledged, kept so a reload resends it with the same
 * clientRequestId. Only the app reads it, so it stays out of `storageKeys` and out of the loader's bundle.
 */
export const offlineRequestKey = (siteKey: string) => `parley:${siteKey}:offline-request`;

/**
 * localStorage: whose session the stored visitor token is: the verified userId, `?<userId>` when the
 * server did not accept that user's token (an anonymous session), absent for an anonymous visitor. When the page
 * names someone else, or nobody, the app drops that session rather than show one person's chats to another.
 */
export const sessionUserKey = (siteKey: string) => `parley:${siteKey}:user`;
