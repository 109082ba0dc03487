import type { VisitorSocket } from "../realtime/namespaces.ts";
import type { SiteDoc } from "../sites/site.model.ts";
import type { VisitorRef } from "./visitor-auth.ts";

/** What every visitor event's handler gets, built per event from the socket's ids. */
export interface VisitorContext {
  visitor: VisitorRef;
  site: SiteDoc;
  socket: VisitorSocket;
}
