// The browser's notification permission, and the agent's "Not now" (kept per agent in this browser).
export type Permission = NotificationPermission | "unsupported";

export function permission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

const refusalKey = (agentId: string) => `parley.notifications.notNow.${agentId}`;

export function refusedHere(agentId: string): boolean {
  try {
    return localStorage.getItem(refusalKey(agentId)) === "1";
  } catch {
    return false;
  }
}

export function rememberRefusal(agentId: string): void {
  try {
    localStorage.setItem(refusalKey(agentId), "1");
  } catch {
    // Private mode without storage: the banner comes back next time, which is all that is lost.
  }
}
