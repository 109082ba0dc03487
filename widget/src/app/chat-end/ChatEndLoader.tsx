import type { VisitorConversationDto } from "@parley/shared";
import { CHAT_RATINGS, MAX_RATING_COMMENT_LENGTH } from "@parley/shared/constants";
import { useEffect, useState } from "preact/hooks";
import { request, type VisitorSocket } from "../request.ts";

type ChatEnd = import("./ChatEnd.tsx").View;

export interface ChatEndProps {
  conversation: VisitorConversationDto;
  socket: () => VisitorSocket | null;
}

/**
 * What the view also gets, handed over from the app: when the chunk imported these modules itself (request.ts, the
 * shared constants), the bundler moved preact out of app.js into a third file every visitor would fetch.
 */
const fromApp = { request, ratings: CHAT_RATINGS, maxComment: MAX_RATING_COMMENT_LENGTH };
export type ChatEndViewProps = ChatEndProps & { app: typeof fromApp };

/**
 * Ratings and transcripts: what a visitor can do once their chat ended is its own chunk, fetched when a
 * chat ends (most page views never see one end), so the app does not carry it. Until it arrives, or if it cannot,
 * nothing shows: the chat and "Start a new chat" work without it. Kept this small on purpose: it is in the app.
 */
export function ChatEndLoader(props: ChatEndProps) {
  const [View, setView] = useState<ChatEnd | null>(null);
  useEffect(() => {
    // ChatEnd.tsx fetches the view and its words in the visitor's language, and shows it once both are there.
    import("./ChatEnd.tsx").then(
      (m) => m.load(setView),
      () => undefined,
    );
  }, []);
  return View ? <View {...props} app={fromApp} /> : null;
}
