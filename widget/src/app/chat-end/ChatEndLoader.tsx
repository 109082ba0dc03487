import type { VisitorConversationDto } from "@parley/shared";
import { useEffect, useState } from "preact/hooks";
import type { VisitorSocket } from "../request.ts";

type ChatEndView = typeof import("./ChatEndView.tsx").ChatEndView;

export interface ChatEndProps {
  conversation: VisitorConversationDto;
  socket: () => VisitorSocket | null;
}

/**
 * Ratings and transcripts (issue 14): what a visitor can do once their chat ended is its own chunk, fetched when a
 * chat ends (most page views never see one end), so the app does not carry it. Until it arrives, or if it cannot,
 * nothing shows: the chat and "Start a new chat" work without it. Kept this small on purpose: it is in the app.
 */
export function ChatEndLoader(props: ChatEndProps) {
  const [View, setView] = useState<ChatEndView | null>(null);
  useEffect(() => {
    import("./ChatEndView.tsx").then(
      (m) => setView(() => m.ChatEndView),
      () => undefined,
    );
  }, []);
  return View ? <View {...props} /> : null;
}
