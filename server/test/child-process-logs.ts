import type { Readable } from "node:stream";

/**
 * Collects a child process's JSON log lines (pino writes one per line) into `into`, as they arrive; anything
 * that isn't a JSON object (a banner, a stray print) is skipped.
 */
export function collectLogLines(stream: Readable | null, into: Record<string, unknown>[]): void {
  let partial = "";
  stream?.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      try {
        into.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line.
      }
    }
  });
}
