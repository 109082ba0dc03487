// The IMAP poller's bookkeeping, over an in-memory mailbox (there is no IMAP server on the test machine; the intake
// it feeds is tested end to end through SMTP in inbound-email.int.test.ts).
import { describe, expect, it } from "vitest";
import { singleProcessLeases } from "../../cluster/leases.ts";
import { createLogger } from "../../logging/logger.ts";
import type { IntakeOutcome } from "../email-intake.ts";
import { ImapPoller, type Mailbox } from "../imap-poller.ts";

function memoryMailbox(messages: Record<number, string>) {
  const seen = new Set<number>();
  const log = { opened: 0, closed: 0 };
  const open = async (): Promise<Mailbox> => {
    log.opened++;
    return {
      unseen: async () =>
        Object.keys(messages)
          .map(Number)
          .filter((uid) => !seen.has(uid)),
      size: async (uid) => (messages[uid] === undefined ? null : Buffer.byteLength(messages[uid] ?? "")),
      source: async (uid) => (messages[uid] === undefined ? null : Buffer.from(messages[uid] ?? "")),
      markSeen: async (uid) => {
        seen.add(uid);
      },
      close: async () => {
        log.closed++;
      },
    };
  };
  return { open, seen, log };
}

const ignored: IntakeOutcome = { kind: "ignored", reason: "automated" };

function poller(open: () => Promise<Mailbox>, intake: (raw: Buffer) => Promise<IntakeOutcome>, maxBytes = 1000) {
  return new ImapPoller({
    open,
    intake,
    intervalMs: 60_000,
    maxBytes,
    leases: singleProcessLeases,
    logger: createLogger("silent"),
  });
}

describe("ImapPoller", () => {
  it("should hand each unseen message to the intake once and mark it seen", async () => {
    const box = memoryMailbox({ 1: "first", 2: "second" });
    const taken: string[] = [];
    const p = poller(box.open, async (raw) => {
      taken.push(raw.toString());
      return ignored;
    });
    expect(await p.pollOnce()).toEqual({ taken: 2, failed: 0, skipped: 0 });
    expect(await p.pollOnce()).toEqual({ taken: 0, failed: 0, skipped: 0 });
    expect(taken).toEqual(["first", "second"]);
    expect([...box.seen]).toEqual([1, 2]);
    expect(box.log).toEqual({ opened: 2, closed: 2 });
  });

  it("should leave a message whose intake failed unseen, try it again, and give up after three failures", async () => {
    const box = memoryMailbox({ 7: "poison", 8: "fine" });
    let tries = 0;
    const p = poller(box.open, async (raw) => {
      if (raw.toString() === "poison") {
        tries++;
        throw new Error("database away");
      }
      return ignored;
    });
    expect(await p.pollOnce()).toEqual({ taken: 1, failed: 1, skipped: 0 });
    expect(box.seen.has(7)).toBe(false);
    expect(await p.pollOnce()).toEqual({ taken: 0, failed: 1, skipped: 0 });
    expect(box.seen.has(7)).toBe(false);
    expect(await p.pollOnce()).toEqual({ taken: 0, failed: 1, skipped: 0 });
    expect(box.seen.has(7)).toBe(true);
    expect(tries).toBe(3);
  });

  it("should mark an over-size message seen without reading it", async () => {
    const box = memoryMailbox({ 3: "x".repeat(2000) });
    let calls = 0;
    const p = poller(
      box.open,
      async () => {
        calls++;
        return ignored;
      },
      1000,
    );
    expect(await p.pollOnce()).toEqual({ taken: 0, failed: 0, skipped: 1 });
    expect(calls).toBe(0);
    expect(box.seen.has(3)).toBe(true);
  });

  it("should join a poll in progress rather than run two at once", async () => {
    const box = memoryMailbox({ 1: "a" });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const p = poller(box.open, async () => {
      calls++;
      await gate;
      return ignored;
    });
    const first = p.pollOnce();
    const second = p.pollOnce();
    expect(second).toBe(first);
    release();
    await first;
    expect(calls).toBe(1);
    expect(box.log.opened).toBe(1);
  });

  it("should close the mailbox when listing fails", async () => {
    const box = memoryMailbox({});
    const failing = async (): Promise<Mailbox> => ({
      ...(await box.open()),
      unseen: async () => {
        throw new Error("connection lost");
      },
    });
    await expect(poller(failing, async () => ignored).pollOnce()).rejects.toThrow("connection lost");
    expect(box.log.closed).toBe(1);
  });

  it("should stop after the message in hand when stopped, leaving the rest unseen", async () => {
    const box = memoryMailbox({ 1: "a", 2: "b", 3: "c" });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const p = poller(box.open, async () => {
      await gate;
      return ignored;
    });
    const polling = p.pollOnce();
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = p.stop();
    release();
    await stopped;
    expect(await polling).toEqual({ taken: 1, failed: 0, skipped: 0 });
    expect([...box.seen]).toEqual([1]);
  });
});
