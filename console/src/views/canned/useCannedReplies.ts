import { useEffect, useState } from "preact/hooks";
import { type CannedList, CannedReplies } from "../../realtime/canned.ts";
import { useSession } from "../session-context.ts";

/** The session's canned replies, loaded on first use and kept current; re-renders on every change. */
export function useCannedReplies(): { replies: CannedReplies; list: CannedList } {
  const session = useSession();
  const replies = CannedReplies.of(session.socket);
  const [list, setList] = useState(() => replies.current);
  useEffect(() => {
    setList(replies.current);
    return replies.subscribe(setList);
  }, [replies]);
  return { replies, list };
}
