// The tickets view's own rules, adopted when it first shows: they load with its chunk, not with the chat.
export const TICKETS_CSS = `
.tickets .view-title { margin: 0; padding: 12px 16px 4px; font-size: 16px; }
.tickets .view-title:focus { outline: none; }
.ticket-list { flex: 1; min-height: 0; overflow-y: auto; }
.tickets-list { margin: 0; padding: 4px 12px 12px; list-style: none; display: flex; flex-direction: column; gap: 8px; }
.ticket-row { display: flex; flex-direction: column; gap: 2px; width: 100%; padding: 10px 12px; text-align: start; background: var(--bg); border: 1px solid var(--edge); border-radius: 8px; }
.ticket-row:hover { border-color: var(--link); background: var(--tint); }
.ticket-name { font-weight: 600; overflow-wrap: anywhere; }
.number { color: var(--link); }
.ticket-meta, .ticket-target { margin: 0; font-size: 13px; color: var(--fg2); }
.ticket { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.ticket-bar { padding: 8px 12px 0; }
.link-button { padding: 2px 0; background: none; border: 0; color: var(--link); font-weight: 600; text-decoration: underline; }
.msg .link-button { color: inherit; font-size: 12px; }
.ticket .view-title { padding-top: 4px; overflow-wrap: anywhere; }
.ticket-facts { padding: 0 16px 8px; border-bottom: 1px solid var(--line); }
.ticket-status { margin: 0; font-weight: 600; }
.ticket-log .empty { margin: auto; color: var(--muted); }
.ticket-problem, .ticket-closed { margin: 0; padding: 10px 16px; border-top: 1px solid var(--line); }
.resolution { padding: 10px 12px; border-top: 1px solid var(--line); }
.resolution fieldset { min-width: 0; margin: 0; padding: 0; border: 0; display: flex; flex-direction: column; gap: 8px; }
.resolution .question { padding: 0; font: inherit; font-weight: 600; }
.resolution .actions { display: flex; flex-wrap: wrap; gap: 8px; }
.reject { display: flex; flex-direction: column; gap: 4px; }
.reject label { font-weight: 600; }
.secondary { min-height: 40px; padding: 8px 16px; font-weight: 600; background: var(--bg); color: var(--fg); border: 1px solid var(--field); border-radius: 8px; }
.secondary:hover { background: var(--soft); }
.meeting { padding: 8px 16px; border-bottom: 1px solid var(--line); }
.meeting p { margin: 4px 0; }
.meeting-title { margin: 0; font-size: 14px; }
.meeting a { color: var(--link); font-weight: 600; }
.meeting-slots { display: flex; flex-wrap: wrap; gap: 6px; }
.meeting .error:empty { display: none; }
`;
