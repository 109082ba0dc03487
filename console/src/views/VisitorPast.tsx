import { LazyRoute } from "./LazyRoute.tsx";

const loadHistory = () => import("./history/pages.ts");

/** The visitor's earlier chats and tickets, in the visitor panel: from the History page's lazily loaded module. */
export function VisitorPast({ conversationId }: { conversationId: string }) {
  return (
    <LazyRoute
      inline
      load={loadHistory}
      render={(m) => <m.VisitorPast key={conversationId} conversationId={conversationId} />}
    />
  );
}
