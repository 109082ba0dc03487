import { describe, expect, it } from "vitest";
import {
  canAccept,
  canClose,
  canReply,
  canTransfer,
  emptyConversation,
  isOfferedTo,
  withDetail,
  withSummary,
} from "../conversation.ts";
import { detail, ME, OTHER, summary } from "./fixtures.ts";

const LATER = "2025-01-01T13:00:00.000Z";

describe("conversation view", () => {
  it("keeps visitor details when a summary update arrives", () => {
    const view = withDetail(emptyConversation, detail());
    const next = withSummary(view, summary(1, { status: "closed", updatedAt: LATER }));
    expect(next.detail?.status).toBe("closed");
    expect(next.detail?.visitor.email).toBe("v@example.com");
    expect(next.detail?.environment?.url).toBe("https://shop.example/");
  });

  it("takes the offer and the product from a summary update", () => {
    const view = withDetail(emptyConversation, detail());
    const offer = { agent: OTHER, expiresAt: LATER };
    const next = withSummary(view, summary(1, { offer, product: "billing", updatedAt: LATER }));
    expect(next.detail?.offer).toEqual(offer);
    expect(next.detail?.product).toBe("billing");
  });

  it("never lets an older copy overwrite a newer one", () => {
    const view = withDetail(emptyConversation, detail({ status: "active", updatedAt: LATER }));
    expect(withSummary(view, summary(1)).detail?.status).toBe("active");
    expect(withDetail(view, detail()).detail?.status).toBe("active");
  });

  it("ignores summaries for a conversation not loaded yet", () => {
    expect(withSummary(emptyConversation, summary(1))).toBe(emptyConversation);
  });
});

describe("permissions", () => {
  const mineActive = detail({ status: "active", assignee: { id: ME.id, name: ME.name } });
  const theirsActive = detail({ status: "active", assignee: OTHER });
  const lead = { ...ME, role: "supervisor" as const };

  it("offers accept only on queued conversations", () => {
    expect(canAccept(detail())).toBe(true);
    expect(canAccept(mineActive)).toBe(false);
  });

  it("offers the composer only on my active conversations", () => {
    expect(canReply(mineActive, ME)).toBe(true);
    expect(canReply(theirsActive, ME)).toBe(false);
    expect(canReply(detail(), ME)).toBe(false);
  });

  it("lets the assignee or a supervisor close an open conversation", () => {
    expect(canClose(mineActive, ME)).toBe(true);
    expect(canClose(theirsActive, ME)).toBe(false);
    expect(canClose(theirsActive, lead)).toBe(true);
    expect(canClose(detail({ status: "closed" }), lead)).toBe(false);
  });

  it("lets the assignee or a supervisor transfer an active conversation", () => {
    expect(canTransfer(mineActive, ME)).toBe(true);
    expect(canTransfer(theirsActive, ME)).toBe(false);
    expect(canTransfer(theirsActive, lead)).toBe(true);
    expect(canTransfer(detail(), lead)).toBe(false);
    expect(canTransfer(detail({ status: "closed", assignee: { id: ME.id, name: ME.name } }), ME)).toBe(false);
  });

  it("knows a queued chat ringing me from one ringing someone else", () => {
    const expiresAt = "2025-01-01T12:00:30.000Z";
    expect(isOfferedTo(detail({ offer: { agent: { id: ME.id, name: ME.name }, expiresAt } }), ME)).toBe(true);
    expect(isOfferedTo(detail({ offer: { agent: OTHER, expiresAt } }), ME)).toBe(false);
    expect(isOfferedTo(detail(), ME)).toBe(false);
  });
});
