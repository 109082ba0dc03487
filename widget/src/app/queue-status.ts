import type { QueueStatusDto } from "@parley/shared";

/** The status line of a waiting chat. Announced by a live region on every change, so it stays one short sentence or two. */
export function queueText(status: QueueStatusDto, reach: { byEmail: boolean; opens: string | null }): string {
  // The estimate is null exactly when nobody is online: a number would be a guess about when someone signs in.
  if (status.agentsOnline === 0 || status.estimatedWaitSeconds === null) {
    const where = reach.byEmail ? "here and by email" : "here";
    if (reach.opens) return `Support opens ${reach.opens}. We'll reply ${where} then.`;
    return `No one is online right now. We'll reply ${where} as soon as someone is.`;
  }
  const place = status.position <= 1 ? "You are next in the queue." : `You are number ${status.position} in the queue.`;
  return `${place} Estimated wait: ${waitText(status.estimatedWaitSeconds)}.`;
}

/** The estimate is rough, so it is said roughly: "about 4 minutes", never "3 minutes 52 seconds". */
export function waitText(seconds: number): string {
  if (seconds < 60) return "less than a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${plural(minutes, "minute")}`;
  return `about ${plural(Math.round(minutes / 60), "hour")}`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
