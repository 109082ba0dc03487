/**
 * The new part of a reply: mail clients quote the whole thread under (or over) what the customer wrote, and a
 * ticket that stored each quote again would repeat itself with every reply. Cut at the first line that starts a
 * quote ("On Tue, Ana wrote:", "-----Original Message-----", "From: …" of a forwarded block) or at the block of
 * "> " lines. Pure; when nothing is left (a reply that is all quote), the whole text is kept.
 */
const QUOTE_START = [
  /^On .{1,200}wrote:\s*$/,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^_{5,}\s*$/,
  /^From: .+$/,
  /^Le .{1,200}a écrit\s*:\s*$/,
  /^Am .{1,200}schrieb .{1,200}:\s*$/,
];

export function newPartOfReply(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith(">") || QUOTE_START.some((re) => re.test(line.trim()))) {
      end = i;
      break;
    }
  }
  const kept = lines.slice(0, end).join("\n").trim();
  return kept === "" ? text.trim() : kept;
}
