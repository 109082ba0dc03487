// The offline form's rules, adopted with its lazy chunk (OfflineView.tsx). Its container (.offline) stays in
// styles.ts: the placeholder that shows while the chunk loads has that class.
export const OFFLINE_CSS = `
.offline-title { margin: 0; font-size: 16px; }
.opens { margin: 0; font-weight: 600; }
.offline-form { display: flex; flex-direction: column; gap: 12px; }
.confirmation { margin: 0; }
`;
