// The contract between the loader (widget.js) and the proactive greeting chunk (widget/greeting.js).
// Like mount-api.ts, the two files are cached independently: only ever add optional members here.
import type { WidgetConfigDto } from "@parley/shared";
import type { StorageKeys } from "./keys.ts";

export interface GreetingOptions {
  /** The site's config, whose greeting (`proactive`) applies to this page. */
  config: WidgetConfigDto;
  /** The site's storage keys: a chat exists (localStorage), the greeting was shown in this visit (sessionStorage). */
  keys: StorageKeys;
}

/**
 * Shows the greeting beside the launcher (`.launcher` in `root`) after its delay; reads whether the panel is open
 * from the launcher's aria-expanded and opens it with a click on the launcher.
 */
export type ShowGreeting = (root: ShadowRoot, options: GreetingOptions) => void;
