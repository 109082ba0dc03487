import { MessageSendInput } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.ts";
import { parseInput } from "../parse-input.ts";

const capture = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  throw new Error("expected an AppError");
};

describe("parseInput", () => {
  it("should name the offending field in a BAD_REQUEST", () => {
    const err = capture(() => parseInput(MessageSendInput, { conversationId: 5, clientMsgId: "abcdefgh", body: "x" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/^conversationId: /);
    expect(err.httpStatus).toBe(400);
  });

  it("should map an over-long body to MESSAGE_TOO_LONG", () => {
    const err = capture(() =>
      parseInput(MessageSendInput, { conversationId: "0".repeat(24), clientMsgId: "abcdefgh", body: "x".repeat(5001) }),
    );
    expect(err.code).toBe("MESSAGE_TOO_LONG");
  });

  it("should wrap unknown errors as INTERNAL without leaking their message", () => {
    const err = AppError.from(new Error("db password is hunter2"));
    expect(err.toBody()).toEqual({ code: "INTERNAL", message: "Internal error" });
  });
});
