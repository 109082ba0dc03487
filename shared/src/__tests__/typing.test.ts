import { describe, expect, it } from "vitest";
import { TYPING_EXPIRY_MS, TYPING_REFRESH_MS } from "../constants.ts";
import { RemoteTyping, TypingSender, typingText } from "../typing.ts";

const dto = (name: string, typing: boolean, conversationId = "c1") =>
  ({ conversationId, side: "agent", name, typing }) as const;

describe("TypingSender", () => {
  it("should say typing on the first key and again at most every refresh interval while keys are pressed", () => {
    const sent: boolean[] = [];
    const sender = new TypingSender((t) => sent.push(t));
    for (let now = 0; now <= 2 * TYPING_REFRESH_MS; now += 200) sender.input(now, true);
    expect(sent).toEqual([true, true, true]);
  });

  it("should say stopped once: on send, on an emptied box, or after a pause, and not when it never started", () => {
    const sent: boolean[] = [];
    const sender = new TypingSender((t) => sent.push(t));
    sender.stop();
    expect(sent).toEqual([]);

    sender.input(0, true);
    sender.stop();
    sender.stop();
    expect(sent).toEqual([true, false]);

    sender.input(10_000, true);
    sender.input(10_100, false);
    expect(sent).toEqual([true, false, true, false]);

    sender.input(20_000, true);
    sender.idle(20_000 + TYPING_REFRESH_MS - 1);
    expect(sent.at(-1)).toBe(true);
    sender.idle(20_000 + TYPING_REFRESH_MS);
    expect(sent).toEqual([true, false, true, false, true, false]);
  });
});

describe("RemoteTyping", () => {
  it("should show who types until they stop, speak, or go quiet for the expiry time", () => {
    const remote = new RemoteTyping();
    expect(remote.heard(dto("Ana", true), 0)).toBe(true);
    expect(remote.heard(dto("Ana", true), 1_000)).toBe(false); // a refresh changes nothing on screen
    expect(remote.heard(dto("Sue", true, "c2"), 1_000)).toBe(true);
    expect(remote.typing("c1").map((t) => t.name)).toEqual(["Ana"]);

    // The refresh at 1 s keeps Ana up until 1 s + expiry.
    expect(remote.nextExpiry(2_000)).toBe(TYPING_EXPIRY_MS - 1_000);
    expect(remote.expire(TYPING_EXPIRY_MS)).toBe(false);
    expect(remote.expire(1_000 + TYPING_EXPIRY_MS)).toBe(true);
    expect(remote.typing("c1")).toEqual([]);
    expect(remote.nextExpiry(0)).toBeNull();

    remote.heard(dto("Ana", true), 50_000);
    expect(remote.spoke("c1", "agent", "Ana")).toBe(true);
    expect(remote.typing("c1")).toEqual([]);
    remote.heard(dto("Ana", true), 60_000);
    expect(remote.heard(dto("Ana", false), 60_500)).toBe(true);
    expect(remote.heard(dto("Ana", false), 60_600)).toBe(false);
  });

  it("should word the indicator", () => {
    expect(typingText([])).toBe("");
    expect(typingText(["Ana"])).toBe("Ana is typing…");
    expect(typingText(["Ana", "Sue", "Bo"])).toBe("Ana, Sue and Bo are typing…");
  });
});
