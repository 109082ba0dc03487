// Compile-time tests of the harness's typed calls: `npm run typecheck` checks this file (server/tsconfig.json
// includes test/) and nothing runs it. Each `@ts-expect-error` line must fail to compile; if the harness
// stopped refusing it, the directive itself would be the error.
import type { ConversationDetailDto, MessageDto } from "@parley/shared";
import { type CommandSocket, call, callUnchecked, ok, type StaffClient, type VisitorClient } from "./harness.ts";

export async function harnessTypeTests(visitor: VisitorClient, staff: StaffClient): Promise<CommandSocket[]> {
  // An event no namespace declares.
  // @ts-expect-error misspelt event name
  await call(visitor, "conversation:strat", {});
  // A staff event sent on a visitor socket.
  // @ts-expect-error the visitor namespace has no inbox:sync
  await call(visitor, "inbox:sync", {});
  // @ts-expect-error conversationId is a string
  await call(staff, "conversation:accept", { conversationId: 42 });
  // @ts-expect-error clientMsgId is required
  await ok(visitor, "message:send", { conversationId: "c1", body: "hi" });
  // @ts-expect-error a field the schema does not have
  await ok(staff, "conversation:accept", { conversationId: "c1", authorKind: "agent" });

  // The answer's data is the event's, not `unknown` or `any`.
  const accepted: { conversation: ConversationDetailDto } = await ok(staff, "conversation:accept", {
    conversationId: "c1",
  });
  const sent: MessageDto = (await ok(visitor, "message:send", { conversationId: "c1", clientMsgId: "m1", body: "hi" }))
    .message;
  // @ts-expect-error inbox:sync answers no `stats`
  (await ok(staff, "inbox:sync", {})).stats;
  const acked = await call(staff, "inbox:sync", {});
  if (acked.ok) {
    // @ts-expect-error `me` is an AgentDto, not a number
    const n: number = acked.data.me;
    void n;
  }

  // A payload may leave out what its schema defaults (a range's endsNextDay), as a client may.
  await ok(staff, "site:update", {
    supportHours: {
      timeZone: "Europe/Berlin",
      weekly: [{ day: "mon", start: "09:00", end: "17:00" }],
      closedDates: [],
      extraOpenings: [],
    },
  });
  // The escape hatch for refusal tests takes anything.
  await callUnchecked(visitor, "admin:drop-everything", { conversationId: { $ne: null } });

  void accepted;
  void sent;
  return [visitor, staff];
}
