// What ChatEndLoader fetches when a chat ends: the view and its words in the visitor's language, both before it shows,
// so it never flashes English. The view stays a chunk of its own, apart from its words: with both in one chunk (the
// way TicketsView carries tickets.ts), rolldown 1.2 moved preact out of app.js into a third file every visitor
// would fetch.
import { loadChatEndText, useChatEndText } from "../i18n/chat-end.ts";
import { text } from "../i18n/language.ts";
import type { ChatEndViewProps } from "./ChatEndLoader.tsx";

export type View = (props: ChatEndViewProps) => preact.JSX.Element;

/**
 * Hands the view, bound to its words, to `show` (ChatEndLoader's state setter, hence the function around it). Never
 * rejects: if a chunk cannot be fetched, nothing shows, and the chat works without it.
 */
export function load(show: (view: () => View) => void): Promise<void> {
  return Promise.all([import("./ChatEndView.tsx"), loadChatEndText(text().lang)]).then(
    ([{ ChatEndView }]) => show(() => (props) => <ChatEndView {...props} useWords={useChatEndText} />),
    () => undefined,
  );
}
