import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentRow, staffMember, TestServer, waitForAsync, waitingVisitor } from "../../../test/harness.ts";
import { Conversation } from "../../conversations/conversation.model.ts";

let t: TestServer;

beforeAll(async () => {
  t = await TestServer.start();
});
afterAll(() => t.stop());

describe("offers across a server restart", () => {
  it("should take back an offer that ran out while the server was down without setting its agent away", async () => {
    const site = await t.createSite(undefined, undefined, { assignmentMode: "auto", offerTimeoutSeconds: 30 });
    const pat = await staffMember(t, site._id, { name: "Pat" });
    const chat = await waitingVisitor(t, site.key);
    await waitForAsync(
      async () => (await Conversation.findById(chat.id).lean())?.offeredTo?.equals(pat.agent._id) === true,
    );

    // The server is down for longer than the offer's time limit: Pat could not have answered it.
    await t.restart(async (db) => {
      await db
        .collection("conversations")
        .updateOne({ _id: new Types.ObjectId(chat.id) }, { $set: { offerExpiresAt: new Date(Date.now() - 60_000) } });
    });

    await waitForAsync(async () => (await agentRow(pat.id)).load === 1);
    const row = await agentRow(pat.id);
    // Pat is still within the presence grace period after the restart, so still online, and not away.
    expect(row.status).toBe("online");
    expect(row.preferredStatus).toBe("online");
    // The stale offer was taken back and the chat offered afresh, with a whole new time limit.
    const offer = await Conversation.findById(chat.id).lean();
    expect(offer?.offeredTo?.equals(pat.agent._id)).toBe(true);
    expect(offer?.offerExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 20_000);
  });
});
