import { describe, expect, it } from "vitest";
import { queueText, waitText } from "../queue-status.ts";
import { CONV } from "./fixtures.ts";

const status = (position: number, estimatedWaitSeconds: number | null, agentsOnline = 2) => ({
  conversationId: CONV,
  position,
  estimatedWaitSeconds,
  agentsOnline,
});

const open = { byEmail: false, opens: null };

describe("queueText", () => {
  it("says where the visitor stands and roughly how long it will take", () => {
    expect(queueText(status(2, 240), open)).toBe("You are number 2 in the queue. Estimated wait: about 4 minutes.");
    expect(queueText(status(1, 30), open)).toBe("You are next in the queue. Estimated wait: less than a minute.");
  });

  it("promises no wait time while nobody is online, and says how the reply will come", () => {
    const offline = "No one is online right now. We'll reply here as soon as someone is.";
    expect(queueText(status(3, null, 0), open)).toBe(offline);
    expect(queueText(status(3, 120, 0), open)).toBe(offline);
    expect(queueText(status(3, null, 1), open)).toBe(offline);
    expect(queueText(status(1, null, 0), { byEmail: true, opens: null })).toBe(
      "No one is online right now. We'll reply here and by email as soon as someone is.",
    );
  });

  it("says when support opens for a message left outside hours", () => {
    expect(queueText(status(1, null, 0), { byEmail: true, opens: "tomorrow at 5:00 AM (UTC)" })).toBe(
      "Support opens tomorrow at 5:00 AM (UTC). We'll reply here and by email then.",
    );
  });
});

describe("waitText", () => {
  it("rounds to the unit a person would use", () => {
    expect(waitText(0)).toBe("less than a minute");
    expect(waitText(59)).toBe("less than a minute");
    expect(waitText(60)).toBe("about 1 minute");
    expect(waitText(89)).toBe("about 1 minute");
    expect(waitText(90)).toBe("about 2 minutes");
    expect(waitText(59 * 60)).toBe("about 59 minutes");
    expect(waitText(3600)).toBe("about 1 hour");
    expect(waitText(3 * 3600)).toBe("about 3 hours");
  });
});
