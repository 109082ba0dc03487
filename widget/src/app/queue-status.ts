import type { QueueStatusDto } from "@parley/shared";
import { text } from "./i18n/language.ts";

/** The status line of a waiting chat. Announced by a live region on every change, so it stays one short sentence or two. */
export function queueText(status: QueueStatusDto, reach: { byEmail: boolean; opens: string | null }): string {
  const t = text();
  // The estimate is null exactly when nobody is online: a number would be a guess about when someone signs in.
  if (status.agentsOnline === 0 || status.estimatedWaitSeconds === null) {
    if (reach.opens) return `${t.opensAt(reach.opens)} ${t.replyThen(reach.byEmail)}`;
    return t.replyWhenOnline(reach.byEmail);
  }
  const place = status.position <= 1 ? t.nextInQueue : t.numberInQueue(status.position);
  return `${place} ${t.estimatedWait(waitText(status.estimatedWaitSeconds))}`;
}

/** The estimate is rough, so it is said roughly: "about 4 minutes", never "3 minutes 52 seconds". */
export function waitText(seconds: number): string {
  const t = text();
  if (seconds < 60) return t.lessThanMinute;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t.aboutMinutes(minutes);
  return t.aboutHours(Math.round(minutes / 60));
}
