import { render } from "preact";
import { adoptStyles } from "../adopt-styles.ts";
import type { MountFunction, MountOptions, WidgetHandle } from "../mount-api.ts";
import { ChatClient } from "./chat-client.ts";
import { PANEL_ID, Panel } from "./components/Panel.tsx";
import { browserStore } from "./storage.ts";
import { PANEL_CSS } from "./styles.ts";

export type { MountOptions, WidgetHandle } from "../mount-api.ts";

/**
 * Entry point of the lazily loaded app. Renders the chat panel into the loader's shadow
 * root, next to the launcher, and connects. The loader decides when the panel is open.
 */
export function mount(root: ShadowRoot, options: MountOptions): WidgetHandle {
  const removeStyles = adoptStyles(root, PANEL_CSS);
  const container = document.createElement("div");
  root.append(container);

  const client = new ChatClient({
    serverUrl: options.serverUrl.replace(/\/+$/, ""),
    siteKey: options.siteKey,
    storage: browserStore("localStorage"),
    panelOpen: false,
    onUnread: options.onUnread,
  });
  client.setPanelOpen(options.open, options.open && options.focus === true);
  const minimize = () => (options.onRequestClose ? options.onRequestClose() : client.setPanelOpen(false, false));
  render(<Panel client={client} onMinimize={minimize} />, container);
  client.start();

  return {
    panelId: PANEL_ID,
    setOpen: (open, focus = false) => client.setPanelOpen(open, focus),
    destroy() {
      client.destroy();
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
}

// The loader imports this module by URL, so nothing else checks the two agree.
mount satisfies MountFunction;
