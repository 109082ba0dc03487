import { describe, expect, it } from "vitest";
import { initialState, withAgentRead, withConversation, withoutConversation } from "../chat-state.ts";
import { CONV, conversation } from "./fixtures.ts";

describe("the agent side's read mark in the widget", () => {
  it("should only rise, from pushes and from any snapshot, even one too old to show otherwise", () => {
    let state = withConversation(initialState(CONV, true), conversation({ lastSeq: 4, agentReadSeq: 2 }));
    expect(state.agentReadSeq).toBe(2);
    state = withAgentRead(state, CONV, 4);
    expect(state.agentReadSeq).toBe(4);
    expect(withAgentRead(state, CONV, 3)).toBe(state);
    expect(withAgentRead(state, "another-conversation-id0", 9)).toBe(state);
    // A pulled snapshot with the same lastSeq does not replace the conversation, but may raise the mark.
    const raised = withConversation(state, conversation({ lastSeq: 4, agentReadSeq: 5 }));
    expect(raised.agentReadSeq).toBe(5);
    expect(withConversation(raised, conversation({ lastSeq: 6, agentReadSeq: 1 })).agentReadSeq).toBe(5);
  });

  it("should start again with another conversation, and go with it", () => {
    const state = withAgentRead(withConversation(initialState(CONV, true), conversation()), CONV, 3);
    const other = withConversation(state, conversation({ id: "fedcba9876543210fedcba98", agentReadSeq: 1 }));
    expect(other.agentReadSeq).toBe(1);
    expect(withoutConversation(state)).toMatchObject({ agentReadSeq: 0, typing: [] });
  });
});
