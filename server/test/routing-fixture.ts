// The routing suites' setup (assignment, offers, admin, transfer): one server per test file, sites that
// route chats themselves, online staff with capacity and products, and visitors waiting in the queue.
import type { AgentRole, Product } from "@parley/shared";
import type { Types } from "mongoose";
import { afterAll, beforeAll } from "vitest";
import { staffMember, TestServer, waitingVisitor } from "./harness.ts";

type SiteRef = { _id: Types.ObjectId; key: string };

/** Starts a server before the file's tests and stops it after them; call once, at the top of the file. */
export function routingFixture() {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await TestServer.start();
  });
  afterAll(() => server?.stop());
  const running = (): TestServer => {
    if (!server) throw new Error("the routing server is not started: use the fixture inside a test or hook");
    return server;
  };
  return {
    get t(): TestServer {
      return running();
    },
    /** A site whose chats ring online agents in turn (the harness's sites are manual by default). */
    autoSite: (settings: { offerTimeoutSeconds?: number; products?: Product[] } = {}) =>
      running().createSite(undefined, undefined, { assignmentMode: "auto", ...settings }),
    /** A signed-in staff member of the site, online (see {@link staffMember}). */
    member: (site: SiteRef, opts: { role?: AgentRole; name?: string; capacity?: number; products?: string[] } = {}) =>
      staffMember(running(), site._id, opts),
    /** A visitor of the site who started a chat (see {@link waitingVisitor}). */
    waiting: (site: SiteRef, input: Parameters<typeof waitingVisitor>[2] = {}) =>
      waitingVisitor(running(), site.key, input),
  };
}
