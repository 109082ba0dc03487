import { describe, expect, it } from "vitest";
import { lastMessageText, nextWaitingChat, orderMine, unreadCount, waitingSince } from "../inbox-rows.ts";
import { summary } from "./fixtures.ts";

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
const mine = (n: number, visitorMinute: number | null, agentMinute: number | null, updatedMinute = 0) =>
  summary(n, {
    status: "active",
    lastVisitorMessageAt: visitorMinute === null ? null : at(visitorMinute),
    lastAgentMessageAt: agentMinute === null ? null : at(agentMinute),
    updatedAt: at(updatedMinute),
  });
const names = (list: readonly { visitorName: string }[]) => list.map((c) => c.visitorName);

describe("unreadCount", () => {
  it("counts the messages above what the agent has read, never below zero", () => {
    expect(unreadCount(summary(1, { lastSeq: 7, readSeq: { visitor: 7, agent: 4 } }))).toBe(3);
    expect(unreadCount(summary(1, { lastSeq: 7, readSeq: { visitor: 0, agent: 7 } }))).toBe(0);
    // A read position ahead of a stale summary shows nothing unread rather than a negative number.
    expect(unreadCount(summary(1, { lastSeq: 5, readSeq: { visitor: 0, agent: 6 } }))).toBe(0);
  });
});

describe("waitingSince", () => {
  it("is the visitor's last message when no agent wrote after it, else null", () => {
    expect(waitingSince(mine(1, 5, null))).toBe(at(5));
    expect(waitingSince(mine(1, 5, 3))).toBe(at(5));
    expect(waitingSince(mine(1, 5, 6))).toBeNull();
    expect(waitingSince(mine(1, null, 6))).toBeNull();
    expect(waitingSince(mine(1, null, null))).toBeNull();
  });
});

describe("lastMessageText", () => {
  it("names the author and keeps the text as text", () => {
    const last = (authorKind: "visitor" | "agent" | "system", body: string) =>
      summary(1, { lastMessage: { seq: 3, authorKind, body, at: at(1) } });
    expect(lastMessageText(last("visitor", "<b>help</b>"))).toBe("Visitor 1: <b>help</b>");
    expect(lastMessageText(last("agent", "On it"))).toBe("Agent: On it");
    expect(lastMessageText(last("system", "Ana joined"))).toBe("Ana joined");
    expect(lastMessageText(summary(1))).toBeNull();
  });
});

describe("orderMine", () => {
  it("puts unanswered chats first, the longest wait first, then the rest by recent activity", () => {
    const list = [
      mine(1, 2, 3, 30), // answered, most recent activity
      mine(2, 10, 3, 10), // waiting since :10
      mine(3, null, null, 20), // nothing yet
      mine(4, 5, null, 5), // waiting since :05 (longest)
      mine(5, 1, 4, 25), // answered
    ];
    expect(names(orderMine(list))).toEqual(["Visitor 4", "Visitor 2", "Visitor 1", "Visitor 5", "Visitor 3"]);
  });
});

describe("nextWaitingChat", () => {
  const list = [mine(1, 2, 3), mine(2, 10, 3), mine(4, 5, null)];
  it("goes through the chats waiting for an answer in order, wrapping around", () => {
    expect(nextWaitingChat(list, null)).toBe(summary(4).id);
    expect(nextWaitingChat(list, summary(4).id)).toBe(summary(2).id);
    expect(nextWaitingChat(list, summary(2).id)).toBe(summary(4).id);
    // From an answered chat, the first waiting one.
    expect(nextWaitingChat(list, summary(1).id)).toBe(summary(4).id);
  });
  it("is null when nobody waits", () => {
    expect(nextWaitingChat([mine(1, 2, 3)], null)).toBeNull();
  });
});
