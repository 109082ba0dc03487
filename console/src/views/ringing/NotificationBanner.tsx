import { useState } from "preact/hooks";
import { shouldAskPermission } from "../../state/ringing.ts";
import { permission, refusedHere, rememberRefusal } from "./notifications.ts";

/**
 * Asks, once after sign-in and without blocking anything, whether the console may show notifications.
 * The browser's own prompt comes only from the button (browsers ignore prompts without a click); "Not now"
 * is remembered for this agent in this browser, and a browser-level "Block" is never asked again.
 */
export function NotificationBanner({ agentId }: { agentId: string }) {
  const [open, setOpen] = useState(() => shouldAskPermission(permission(), refusedHere(agentId)));
  if (!open) return null;
  const allow = () => {
    void Notification.requestPermission().finally(() => setOpen(false));
  };
  const notNow = () => {
    rememberRefusal(agentId);
    setOpen(false);
  };
  return (
    <section class="permission-banner" aria-label="Notifications">
      <p>Allow notifications so a chat ringing you is not missed while this tab is in the background.</p>
      <button type="button" class="primary" onClick={allow}>
        Allow notifications
      </button>
      <button type="button" onClick={notNow}>
        Not now
      </button>
    </section>
  );
}
