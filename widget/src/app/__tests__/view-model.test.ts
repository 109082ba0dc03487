import { describe, expect, it } from "vitest";
import {
  type ChatState,
  initialState,
  isNewerSnapshot,
  withConversation,
  withMessages,
  withQueue,
} from "../chat-state.ts";
import type { OutboxEntry } from "../outbox.ts";
import { deriveView } from "../view-model.ts";
import { availability, CONV, conversation, message } from "./fixtures.ts";

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
  it("shows the pre-chat form to a visitor without a conversation while chats can start", () => {
    expect(deriveView({ ...initialState(null, true), availability: availability() }).kind).toBe("pre-chat");
  });

  it("shows the offline form instead while none can, and waits for the answer before choosing", () => {
    const offline = availability({ agentsOnline: false, acceptingChats: false });
    expect(deriveView({ ...initialState(null, true), availability: offline }).kind).toBe("offline");
    expect(deriveView(initialState(null, true)).kind).toBe("checking");
  });

  it("stays on the offline form after a start was refused as offline, or while a request is on its way", () => {
    const state = { ...initialState(null, true), availability: availability() };
    expect(deriveView({ ...state, refusedOffline: true }).kind).toBe("offline");
    const request = {
      clientRequestId: "req-00000001",
      name: "A",
      email: "a@b.co",
      priority: "low",
      details: "x",
    } as const;
    expect(deriveView({ ...initialState(null, true, request), availability: availability() }).kind).toBe("offline");
    const sent = { ...state, offline: { status: "sent", reference: "REQ-7K3M9Q" } } as const;
    expect(deriveView(sent).kind).toBe("offline");
  });

  it("keeps showing an open conversation while support is offline", () => {
    const offline = availability({ open: false, agentsOnline: false, acceptingChats: false });
    const state = withConversation({ ...initialState(CONV, true), availability: offline }, conversation());
    expect(deriveView(state).kind).toBe("conversation");
    // Once it has ended, a new one goes through the offline form.
    const ended = withConversation(state, conversation({ status: "closed", lastSeq: 2 }));
    expect(deriveView({ ...ended, composingNew: true }).kind).toBe("offline");
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
    let state = withConversation(
      { ...initialState(CONV, true), availability: availability() },
      conversation({ status: "closed" }),
    );
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

describe("queue updates", () => {
  const queued = (position: number, conversationId = CONV) => ({
    conversationId,
    position,
    estimatedWaitSeconds: 60,
    agentsOnline: 1,
  });

  it("keeps updates about the shown conversation only, and forgets them once an agent has it", () => {
    let state = withConversation(initialState(CONV, true), conversation());
    state = withQueue(state, queued(2));
    state = withQueue(state, queued(1, "ffffffffffffffffffffffff"));
    expect(state.queue?.position).toBe(2);
    state = withConversation(state, conversation({ status: "active", lastSeq: 1 }), true);
    expect(state.queue).toBeNull();
  });

  it("keeps an update that overtook the snapshot putting the chat back in the queue", () => {
    let state = withConversation(initialState(CONV, true), conversation({ status: "active", lastSeq: 3 }));
    state = withQueue(state, queued(4));
    state = withConversation(state, conversation({ status: "queued", lastSeq: 3 }), true);
    expect(state.queue?.position).toBe(4);
  });
});

describe("conversation snapshots", () => {
  it("takes a pulled snapshot (ack, sync) only when it was read after the one shown", () => {
    // A start's ack (queued) arriving after the broadcast of its acceptance.
    expect(isNewerSnapshot(conversation({ status: "active" }), conversation({ status: "queued" }))).toBe(false);
    // A sync read before a transfer whose broadcast overtook it.
    expect(isNewerSnapshot(conversation({ lastSeq: 4 }), conversation({ status: "active", lastSeq: 4 }))).toBe(false);
    expect(isNewerSnapshot(conversation({ lastSeq: 3 }), conversation({ lastSeq: 2 }))).toBe(false);
    // Missed broadcasts while offline: the sync after reconnecting has a higher lastSeq.
    expect(isNewerSnapshot(conversation({ status: "active", lastSeq: 4 }), conversation({ lastSeq: 5 }))).toBe(true);
    expect(
      isNewerSnapshot(conversation({ status: "active", lastSeq: 3 }), conversation({ status: "closed", lastSeq: 3 })),
    ).toBe(true);
  });

  it("takes every broadcast, which the server sends in the order of its changes; closed stays closed", () => {
    const active = conversation({ status: "active", assigneeName: "Ana Agent", lastSeq: 4 });
    // Back to the queue for a product team: broadcast before the system note, so lastSeq is unchanged.
    expect(isNewerSnapshot(active, conversation({ status: "queued", lastSeq: 4 }), true)).toBe(true);
    const closed = conversation({ status: "closed", lastSeq: 3 });
    expect(isNewerSnapshot(closed, conversation({ status: "active", lastSeq: 9 }), true)).toBe(false);
    expect(isNewerSnapshot(closed, conversation({ lastSeq: 9 }))).toBe(false);
  });

  it("follows a transfer to another agent, and back to the queue", () => {
    const active = conversation({ status: "active", assigneeName: "Ana Agent", lastSeq: 4 });
    let state = withConversation(initialState(CONV, true), active);
    state = withConversation(state, { ...active, assigneeName: "Bo Agent" }, true);
    expect(state.conversation?.assigneeName).toBe("Bo Agent");
    // A sync page read before the transfer does not bring Ana back.
    state = withConversation(state, active);
    expect(state.conversation?.assigneeName).toBe("Bo Agent");
    state = withConversation(state, conversation({ status: "queued", lastSeq: 5 }), true);
    expect(state.conversation?.status).toBe("queued");
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
