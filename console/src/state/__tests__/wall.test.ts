import type { TicketDto, WallAlertDto, WallChatDto, WallDto, WallTicketDto } from "@parley/shared";
import { describe, expect, it } from "vitest";
import {
  emptyWall,
  isParticipant,
  type WallState,
  wallEventReceived,
  wallSyncCompleted,
  wallSyncFailed,
  wallSyncStarted,
} from "../wall.ts";
import {
  agentRows,
  chatWait,
  needsAttention,
  ticketsOf,
  unansweredMs,
  unansweredSince,
  wallOrder,
  wallTotals,
} from "../wall-reading.ts";
import { member, OTHER } from "./fixtures.ts";

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const hex = (n: number) => n.toString(16).padStart(24, "0");
const ANA = { id: member(1).id, name: "Agent 1" };

function chat(n: number, overrides: Partial<WallChatDto> = {}): WallChatDto {
  return {
    id: hex(n),
    status: "queued",
    visitorName: `Visitor ${n}`,
    product: null,
    assignee: null,
    participants: [],
    offeredTo: null,
    createdAt: at(0),
    assignedAt: null,
    firstAgentReplyAt: null,
    lastVisitorMessageAt: at(0),
    lastAgentMessageAt: null,
    closedAt: null,
    visitorLeftAt: null,
    ...overrides,
  };
}

function active(n: number, overrides: Partial<WallChatDto> = {}): WallChatDto {
  return chat(n, { status: "active", assignee: ANA, assignedAt: at(10), ...overrides });
}

function alert(n: number, overrides: Partial<WallAlertDto> = {}): WallAlertDto {
  return {
    id: `queue_wait:${hex(n)}`,
    kind: "queue_wait",
    conversationId: hex(n),
    visitorName: `Visitor ${n}`,
    since: at(0),
    text: "Waiting in the queue for 2 min",
    active: true,
    ...overrides,
  };
}

function wallTicket(n: number, overrides: Partial<WallTicketDto> = {}): WallTicketDto {
  return {
    id: hex(500 + n),
    number: `T-${1000 + n}`,
    conversationId: hex(n),
    priority: "high",
    status: "open",
    response: "running",
    workaround: null,
    ...overrides,
  };
}

function ticketDto(n: number, conversationId: string | null, response: TicketDto["sla"]["response"]["state"]) {
  const reading = { state: response, dueAt: null, usedMs: 0, leftMs: 0 };
  return {
    id: hex(500 + n),
    number: `T-${1000 + n}`,
    conversationId,
    priority: "critical",
    status: "open",
    sla: { planId: "p", planName: "Plan", response: reading, workaround: { ...reading, state: "at_risk" } },
  } as unknown as TicketDto;
}

function snapshot(overrides: Partial<WallDto> = {}): WallDto {
  return {
    chats: [chat(1), active(2)],
    tickets: [],
    agents: [member(2, { name: "Bea" }), member(1, { name: "Ana" })],
    alerts: [],
    settings: { queueWaitAlertSeconds: 120, unansweredAlertSeconds: 180 },
    serverTime: at(0),
    ...overrides,
  };
}

const loaded = (overrides: Partial<WallDto> = {}): WallState =>
  wallSyncCompleted(wallSyncStarted(emptyWall), snapshot(overrides), T0);
const ids = (s: WallState) => s.chats.map((c) => c.id);

describe("wall snapshot", () => {
  it("takes the snapshot's chats, agents (by name), alerts and settings", () => {
    const s = loaded({ alerts: [alert(1)] });
    expect(s.loaded).toBe(true);
    expect(ids(s)).toEqual([hex(1), hex(2)]);
    expect(s.agents.map((a) => a.name)).toEqual(["Ana", "Bea"]);
    expect(s.alerts).toHaveLength(1);
    expect(s.settings?.queueWaitAlertSeconds).toBe(120);
  });

  it("measures the clock skew from serverTime: a browser 5 s behind adds 5 s", () => {
    const s = wallSyncCompleted(wallSyncStarted(emptyWall), snapshot({ serverTime: at(5) }), T0);
    expect(s.skewMs).toBe(5000);
  });

  it("leaves out closed chats and inactive alerts a snapshot may carry", () => {
    const s = loaded({
      chats: [chat(1), chat(3, { status: "closed" })],
      alerts: [alert(1), alert(3, { active: false })],
    });
    expect(ids(s)).toEqual([hex(1)]);
    expect(s.alerts.map((a) => a.conversationId)).toEqual([hex(1)]);
  });

  it("replays pushes that arrived while the snapshot was in flight on top of it", () => {
    let s = wallSyncStarted(loaded());
    s = wallEventReceived(s, { kind: "chat", chat: active(1) });
    s = wallEventReceived(s, { kind: "chat", chat: chat(9) });
    expect(s.held).toHaveLength(2);
    // The snapshot was read before those pushes: it still has chat 1 queued and no chat 9.
    s = wallSyncCompleted(s, snapshot(), T0);
    expect(s.syncing).toBe(false);
    expect(s.chats.find((c) => c.id === hex(1))?.status).toBe("active");
    expect(ids(s)).toContain(hex(9));
  });

  it("keeps what it had, plus held pushes, when the snapshot fails", () => {
    let s = wallSyncStarted(loaded());
    s = wallEventReceived(s, { kind: "chat", chat: chat(9) });
    s = wallSyncFailed(s, { code: "FORBIDDEN", message: "Supervisors only" });
    expect(s.error?.code).toBe("FORBIDDEN");
    expect(ids(s)).toEqual([hex(1), hex(2), hex(9)]);
  });

  it("clears the error once a snapshot lands", () => {
    const failed = wallSyncFailed(wallSyncStarted(emptyWall), { code: "UNAVAILABLE", message: "x" });
    expect(wallSyncCompleted(wallSyncStarted(failed), snapshot(), T0).error).toBeNull();
  });
});

describe("wall pushes", () => {
  it("upserts a chat by id: a redelivery lands once, a change replaces it", () => {
    let s = loaded();
    s = wallEventReceived(s, { kind: "chat", chat: chat(3) });
    s = wallEventReceived(s, { kind: "chat", chat: chat(3) });
    s = wallEventReceived(s, { kind: "chat", chat: active(1) });
    expect(ids(s).sort()).toEqual([hex(1), hex(2), hex(3)]);
    expect(s.chats.find((c) => c.id === hex(1))?.assignee?.name).toBe("Agent 1");
  });

  it("drops a closed chat, with its alerts and tickets", () => {
    let s = loaded({
      alerts: [alert(2, { id: `unanswered:${hex(2)}`, kind: "unanswered" })],
      tickets: [wallTicket(2)],
    });
    s = wallEventReceived(s, { kind: "chat", chat: active(2, { status: "closed", closedAt: at(60) }) });
    expect(ids(s)).toEqual([hex(1)]);
    expect(s.alerts).toEqual([]);
    expect(s.tickets).toEqual([]);
  });

  it("adds an alert, replaces a repeat in place, and removes it on active:false", () => {
    let s = loaded();
    s = wallEventReceived(s, { kind: "alert", alert: alert(1) });
    s = wallEventReceived(s, { kind: "alert", alert: alert(2) });
    s = wallEventReceived(s, { kind: "alert", alert: alert(1, { text: "Waiting in the queue for 3 min" }) });
    expect(s.alerts.map((a) => a.text)).toEqual(["Waiting in the queue for 3 min", "Waiting in the queue for 2 min"]);
    s = wallEventReceived(s, { kind: "alert", alert: alert(1, { active: false }) });
    expect(s.alerts.map((a) => a.conversationId)).toEqual([hex(2)]);
  });

  it("ignores the removal of an alert it does not show", () => {
    const s = loaded();
    expect(wallEventReceived(s, { kind: "alert", alert: alert(7, { active: false }) })).toBe(s);
  });

  it("keeps agents live from agent:updated, sorted by name", () => {
    let s = loaded();
    s = wallEventReceived(s, { kind: "agent", agent: member(1, { name: "Ana", status: "away", load: 2 }) });
    s = wallEventReceived(s, { kind: "agent", agent: member(3, { name: "Al" }) });
    expect(s.agents.map((a) => `${a.name}:${a.status}:${a.load}`)).toEqual([
      "Al:online:0",
      "Ana:away:2",
      "Bea:online:0",
    ]);
  });

  it("keeps a chat's ticket SLA live from ticket:updated, matched by conversationId", () => {
    let s = loaded({ tickets: [wallTicket(2)] });
    s = wallEventReceived(s, { kind: "ticket", ticket: ticketDto(2, hex(2), "breached") });
    expect(ticketsOf(s, hex(2))).toEqual([
      {
        id: hex(502),
        number: "T-1002",
        conversationId: hex(2),
        priority: "critical",
        status: "open",
        response: "breached",
        workaround: "at_risk",
      },
    ]);
  });

  it("adds a new ticket for a chat on the wall, and ignores tickets of other chats or none", () => {
    let s = loaded();
    s = wallEventReceived(s, { kind: "ticket", ticket: ticketDto(1, hex(1), "running") });
    expect(ticketsOf(s, hex(1)).map((t) => t.number)).toEqual(["T-1001"]);
    const before = s;
    s = wallEventReceived(s, { kind: "ticket", ticket: ticketDto(8, hex(8), "running") });
    s = wallEventReceived(s, { kind: "ticket", ticket: ticketDto(9, null, "running") });
    expect(s).toBe(before);
  });
});

describe("reading the wall", () => {
  const now = T0 + 300_000; // 5 minutes in

  it("finds a chat unanswered when the visitor spoke last, or no agent has spoken yet", () => {
    expect(unansweredSince(active(1, { lastVisitorMessageAt: at(30), lastAgentMessageAt: null }))).toBe(at(30));
    expect(unansweredSince(active(1, { lastVisitorMessageAt: at(30), lastAgentMessageAt: at(20) }))).toBe(at(30));
    expect(unansweredSince(active(1, { lastVisitorMessageAt: at(30), lastAgentMessageAt: at(40) }))).toBeNull();
    expect(unansweredSince(active(1, { lastVisitorMessageAt: null, lastAgentMessageAt: null }))).toBeNull();
    expect(unansweredMs(active(1, { lastVisitorMessageAt: at(240) }), now)).toBe(60_000);
  });

  it("reads the wait: running in the queue, fixed once answered, since acceptance until the first reply", () => {
    expect(chatWait(chat(1, { createdAt: at(0) }), now)).toEqual({ kind: "queued", ms: 300_000 });
    expect(chatWait(active(1, { firstAgentReplyAt: at(45) }), now)).toEqual({ kind: "answered", ms: 45_000 });
    expect(chatWait(active(1, { assignedAt: at(100) }), now)).toEqual({ kind: "noReply", ms: 200_000 });
  });

  it("never reads a negative wait when the clock is behind", () => {
    expect(chatWait(chat(1, { createdAt: at(400) }), now).ms).toBe(0);
  });

  it("counts queued, active and unanswered chats and the longest waits", () => {
    const chats = [
      chat(1, { createdAt: at(60) }),
      chat(2, { createdAt: at(0) }),
      active(3, { lastVisitorMessageAt: at(200), lastAgentMessageAt: at(100) }),
      active(4, { lastVisitorMessageAt: at(100), lastAgentMessageAt: at(150) }),
    ];
    expect(wallTotals(chats, now)).toEqual({
      queued: 2,
      active: 2,
      unanswered: 1,
      longestQueueWaitMs: 300_000,
      longestUnansweredMs: 100_000,
    });
    expect(wallTotals([], now)).toEqual({
      queued: 0,
      active: 0,
      unanswered: 0,
      longestQueueWaitMs: null,
      longestUnansweredMs: null,
    });
  });

  it("flags chats past the site's thresholds", () => {
    const settings = { queueWaitAlertSeconds: 120, unansweredAlertSeconds: 180 };
    expect(needsAttention(chat(1, { createdAt: at(0) }), now, settings)).toBe(true);
    expect(needsAttention(chat(1, { createdAt: at(200) }), now, settings)).toBe(false);
    expect(needsAttention(active(2, { lastVisitorMessageAt: at(100) }), now, settings)).toBe(true);
    expect(needsAttention(active(2, { lastVisitorMessageAt: at(250) }), now, settings)).toBe(false);
    // Before the settings are known, any unanswered visitor counts.
    expect(needsAttention(active(2, { lastVisitorMessageAt: at(250) }), now, null)).toBe(true);
  });

  it("lists queued chats first (longest first), then unanswered (longest first), then the rest", () => {
    const order = wallOrder(
      [
        active(1, { createdAt: at(0), lastAgentMessageAt: at(50), lastVisitorMessageAt: at(40) }),
        active(2, { lastVisitorMessageAt: at(200) }),
        chat(3, { createdAt: at(100) }),
        active(4, { lastVisitorMessageAt: at(100) }),
        chat(5, { createdAt: at(20) }),
      ],
      now,
    );
    expect(order.map((c) => c.visitorName)).toEqual(["Visitor 5", "Visitor 3", "Visitor 4", "Visitor 2", "Visitor 1"]);
  });

  it("gives each enabled agent the chats they hold and those ringing them", () => {
    const rows = agentRows({
      agents: [member(1, { name: "Ana" }), member(2, { name: "Bea" }), member(3, { disabled: true })],
      chats: [
        active(1),
        active(2),
        active(3, { assignee: OTHER }),
        chat(4, { offeredTo: { id: member(2).id, name: "Bea" } }),
      ],
    });
    expect(rows.map((r) => [r.agent.name, r.chats.map((c) => c.visitorName), r.ringing.length])).toEqual([
      ["Ana", ["Visitor 1", "Visitor 2"], 0],
      ["Bea", [], 1],
    ]);
  });

  it("knows whether a staff member joined a chat", () => {
    expect(isParticipant(active(1, { participants: [{ id: OTHER.id, name: OTHER.name }] }), OTHER)).toBe(true);
    expect(isParticipant(active(1), OTHER)).toBe(false);
    expect(isParticipant(null, OTHER)).toBe(false);
  });
});
