import { describe, expect, it } from "vitest";
import { type ChatState, initialState, isNewerSnapshot, withConversation, withMessages } from "../chat-state.ts";
import type { OutboxEntry } from "../outbox.ts";
import { deriveView } from "../view-model.ts";
import { CONV, conversation, message } from "./fixtures.ts";

const pending = (clientMsgId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMsgId,
  kind: "message",
  conversationId: CONV,
  body: "pending",
  createdAt: "2025-01-01T00:00:00.000Z",
  ...overrides,
});

function shown(state: ChatState) {
  const view = deriveView(state);
  return view.kind === "conversation" ? view.timeline.map((i) => `${i.type}:${i.key}`) : view.kind;
}

describe("deriveView", () => {
  it("shows the pre-chat form to a visitor without a conversation", () => {
    expect(deriveView(initialState(null, true)).kind).toBe("pre-chat");
  });

  it("shows a restored conversation right away, before its first sync", () => {
    const view = deriveView(initialState(CONV, true));
    expect(view).toEqual({ kind: "conversation", starting: false, timeline: [] });
  });

  it("shows pending sends after the server's messages, once each", () => {
    let state = withConversation(initialState(CONV, true), conversation());
    state = withMessages(state, [message(1), message(2)]);
    state = { ...state, outbox: [pending("client-2"), pending("p-000003")] };
    // client-2 was acked and broadcast but not yet removed from the outbox: shown once.
    expect(shown(state)).toEqual(["message:client-1", "message:client-2", "pending:p-000003"]);
  });

  it("shows a starting chat instead of an ended one", () => {
    let state = withConversation(initialState(CONV, true), conversation({ status: "closed" }));
    state = withMessages(state, [message(1)]);
    expect(shown({ ...state, composingNew: true })).toBe("pre-chat");
    const start = pending("s-000001", { kind: "start", conversationId: undefined, name: "Ada" });
    expect(shown({ ...state, composingNew: true, outbox: [start] })).toEqual(["pending:s-000001"]);
  });

  it("shows refused sends with their reason", () => {
    const state = withConversation(initialState(CONV, true), conversation());
    const view = deriveView({ ...state, failed: [{ entry: pending("f-000001"), reason: "this chat has ended" }] });
    expect(view.kind === "conversation" && view.timeline[0]).toMatchObject({
      type: "failed",
      reason: "this chat has ended",
    });
  });
});

describe("conversation snapshots", () => {
  it("ignores a snapshot older than the one shown (status never goes back)", () => {
    expect(isNewerSnapshot(conversation({ status: "active" }), conversation({ status: "queued", lastSeq: 5 }))).toBe(
      false,
    );
    expect(
      isNewerSnapshot(conversation({ status: "active", lastSeq: 3 }), conversation({ status: "closed", lastSeq: 3 })),
    ).toBe(true);
    expect(isNewerSnapshot(conversation({ lastSeq: 3 }), conversation({ lastSeq: 2 }))).toBe(false);
  });

  it("never keeps a staff-only message, even if the server sent one by mistake", () => {
    const state = withMessages(withConversation(initialState(CONV, true), conversation()), [
      message(1),
      message(2, { internal: true, author: { kind: "agent", name: "Ana Agent" }, body: "VIP, be nice" }),
    ]);
    expect(state.messages.map((m) => m.seq)).toEqual([1]);
  });

  it("switching conversations drops the old messages; messages of other conversations are ignored", () => {
    let state = withConversation(initialState(null, true), conversation());
    state = withMessages(state, [message(1), message(2, { conversationId: "ffffffffffffffffffffffff" })]);
    expect(state.messages.map((m) => m.seq)).toEqual([1]);
    state = withConversation(state, conversation({ id: "ffffffffffffffffffffffff" }));
    expect(state.messages).toEqual([]);
    expect(state.conversationId).toBe("ffffffffffffffffffffffff");
  });
});
