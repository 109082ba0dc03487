import type { OutgoingMail } from "./mail.ts";

// A chat's transcript as an email, composed from plain data (no database, no clock): the caller passes
// the messages the visitor could see, never staff notes. Plain text, and HTML in which every user text (names,
// messages, file names, the site's name) is escaped: the visitor's own words and the agent's are text, never markup.

export interface TranscriptLine {
  at: Date;
  /** "visitor" lines are the visitor's, "agent" an agent's (or a supervisor's who joined), "system" Parley's notes. */
  kind: "visitor" | "agent" | "system";
  authorName: string;
  body: string;
  fileNames: string[];
}

export interface TranscriptMail {
  to: string;
  siteName: string;
  /** The agent who had the chat last; null for a chat nobody took. */
  agentName: string | null;
  startedAt: Date;
  /** The visitor's time zone (their browser's), else the site's; an unknown zone falls back to UTC. */
  timeZone: string;
  lines: TranscriptLine[];
  site: string;
}

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

function timeFormat(timeZone: string, withDate: boolean): { format(d: Date): string; zone: string } {
  const options: Intl.DateTimeFormatOptions = {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withDate ? { weekday: "short", day: "numeric", month: "short", year: "numeric" } : {}),
  };
  try {
    return { format: new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).format, zone: timeZone };
  } catch {
    return { format: new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format, zone: "UTC" };
  }
}

export function transcriptMail(m: TranscriptMail): OutgoingMail {
  const day = timeFormat(m.timeZone, true);
  const time = timeFormat(m.timeZone, false);
  const started = `${day.format(m.startedAt)} (${day.zone})`;
  const who = (l: TranscriptLine) => (l.kind === "system" ? "" : `${oneLine(l.authorName)}: `);
  const files = (l: TranscriptLine) => (l.fileNames.length ? `\n  [files: ${l.fileNames.join(", ")}]` : "");
  const agent = m.agentName ? `Agent: ${oneLine(m.agentName)}\n` : "";
  const text =
    `Your chat with ${oneLine(m.siteName)} support, started ${started}.\n${agent}\n` +
    m.lines.map((l) => `[${time.format(l.at)}] ${who(l)}${l.body}${files(l)}`).join("\n") +
    "\n\nThis email was sent automatically because you asked for it; replies to it are not read.\n";

  const rows = m.lines
    .map((l) => {
      const name = l.kind === "system" ? "" : escapeHtml(oneLine(l.authorName));
      const attached = l.fileNames.length
        ? `<div style="color:#555">Files: ${l.fileNames.map(escapeHtml).join(", ")}</div>`
        : "";
      const style = l.kind === "system" ? "color:#555;font-style:italic" : "";
      return (
        `<tr><td style="color:#555;vertical-align:top;padding:2px 8px 2px 0">${escapeHtml(time.format(l.at))}</td>` +
        `<td style="vertical-align:top;padding:2px 8px 2px 0"><strong>${name}</strong></td>` +
        `<td style="white-space:pre-wrap;padding:2px 0;${style}">${escapeHtml(l.body)}${attached}</td></tr>`
      );
    })
    .join("");
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<p>Your chat with ${escapeHtml(oneLine(m.siteName))} support, started ${escapeHtml(started)}.</p>` +
    (m.agentName ? `<p>Agent: ${escapeHtml(oneLine(m.agentName))}</p>` : "") +
    `<table role="presentation" style="border-collapse:collapse">${rows}</table>` +
    `<p style="color:#555">This email was sent automatically because you asked for it; replies to it are not read.</p>` +
    `</body></html>`;

  return {
    to: m.to,
    subject: `Your chat with ${oneLine(m.siteName)} support`,
    text,
    html,
    kind: "chat_transcript",
    site: m.site,
  };
}
