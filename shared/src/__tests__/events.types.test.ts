// Compile-time checks: run by `npm run typecheck`, and by vitest as an ordinary test.
import { expect, it } from "vitest";
import type { Ack } from "../errors.ts";
import type { VisitorClientToServerEvents } from "../events.ts";
import type { MessageSendInput } from "../schemas/message.ts";

it("should reject wrong payload shapes at compile time", () => {
  // @ts-expect-error conversationId must be a string
  const bad: MessageSendInput = { conversationId: 1, clientMsgId: "abcdefgh", body: "x" };
  type Send = VisitorClientToServerEvents["message:send"];
  // @ts-expect-error an ack must carry ok:true with data, or ok:false with an error
  const badAck: Parameters<Parameters<Send>[1]>[0] = { ok: true };
  const goodAck: Ack<number> = { ok: false, error: { code: "NOT_FOUND", message: "gone" } };
  expect([bad, badAck, goodAck]).toHaveLength(3);
});
