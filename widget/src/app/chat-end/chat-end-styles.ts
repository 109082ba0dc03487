// The chat-end view's own rules (ratings and transcripts), adopted when it first shows. Colours are the
// panel's theme variables (styles.ts), so a site's theme and the dark scheme apply here too.
export const CHAT_END_CSS = `
.chat-end { max-height: 55%; overflow-y: auto; padding: 10px 12px; border-top: 1px solid var(--line); display: flex; flex-direction: column; gap: 10px; }
.chat-end h3 { margin: 0; font-size: 15px; }
.chat-end form { display: flex; flex-direction: column; gap: 6px; margin: 0; }
.chat-end .choices { display: flex; gap: 8px; min-width: 0; margin: 0; padding: 0; border: 0; }
.chat-end .choice { min-height: 40px; padding: 6px 14px; font-weight: 600; background: var(--bg); color: var(--fg); border: 1px solid var(--field); border-radius: 8px; }
.chat-end .choice[aria-pressed="true"] { border: 2px solid var(--link); background: var(--tint); color: var(--link); }
.chat-end .hint, .chat-end .result { margin: 0; font-size: 13px; color: var(--fg2); }
.chat-end .result:empty { display: none; }
.chat-end .quote { margin: 0; font-size: 13px; color: var(--fg2); overflow-wrap: anywhere; white-space: pre-wrap; }
.chat-end label { font-weight: 600; font-size: 13px; }
.chat-end .primary { align-self: flex-start; }
.chat-end textarea { min-height: 44px; }
`;
