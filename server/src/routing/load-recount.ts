import { Agent, type AgentDoc } from "../agents/agent.model.ts";
import { Conversation } from "../conversations/conversation.model.ts";

/**
 * Sets every agent's load to what the conversations say: chats owned plus offers ringing. Each change of
 * owner and its load update are two writes, so a crash between them leaves the counter off by one; run at
 * boot, before anything routes, this puts it right. (Only while no other node is up, as docs/deploying.md
 * says under "Several nodes": with others running, this would race with their live updates.)
 */
export async function recountLoads(): Promise<number> {
  let fixed = 0;
  for (const agent of await Agent.find({}).select({ _id: 1, load: 1 }).lean<Pick<AgentDoc, "_id" | "load">[]>()) {
    const [owned, ringing] = await Promise.all([
      Conversation.countDocuments({ status: "active", assignee: agent._id }),
      Conversation.countDocuments({ status: "queued", offeredTo: agent._id }),
    ]);
    if (agent.load !== owned + ringing) {
      await Agent.updateOne({ _id: agent._id }, { $set: { load: owned + ringing } });
      fixed++;
    }
  }
  return fixed;
}
