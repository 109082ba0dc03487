import type { ManualArticleDto, ManualsSaveInput, OfflineRequestDto } from "@parley/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, callUnchecked, msgId, ok, present, TestServer } from "../../../test/harness.ts";
import { chatTicket, ticketFields } from "../../../test/tickets-harness.ts";

type ArticleInput = ManualsSaveInput["articles"][number];

let t: TestServer;
let site: Awaited<ReturnType<TestServer["createSite"]>>;

beforeAll(async () => {
  t = await TestServer.start();
  site = await t.createSite(undefined, undefined, { products: [{ id: "cloud", name: "Acme Cloud" }] });
});
afterAll(() => t.stop());

const articles: [ArticleInput, ArticleInput] = [
  { product: "cloud", title: "Exporting reports", url: "https://docs.acme.test/export", keywords: ["Export", "csv"] },
  { product: null, title: "Activating your license", url: "https://docs.acme.test/license", keywords: ["license key"] },
];

describe("manual articles", () => {
  it("should let admins save the site's articles, and refuse other roles, http links and unknown products", async () => {
    const admin = await t.staff(site._id, "admin", "Ada");
    const agent = await t.staff(site._id, "agent", "Ana");
    const saved = await ok(admin.socket, "manuals:save", { articles });
    expect(saved.articles.map((a) => [a.title, a.keywords])).toEqual([
      ["Exporting reports", ["export", "csv"]],
      ["Activating your license", ["license key"]],
    ]);
    expect(saved.articles.every((a) => /^[A-Za-z0-9_-]{8,}$/.test(a.id))).toBe(true);
    // Saving again keeps the ids it was given.
    const again = await ok(admin.socket, "manuals:save", {
      articles: saved.articles,
    });
    expect(again.articles.map((a) => a.id)).toEqual(saved.articles.map((a) => a.id));
    const listed = await ok(agent.socket, "manuals:list", {});
    expect(listed.articles).toEqual(again.articles);

    const byAgent = await call(agent.socket, "manuals:save", { articles });
    expect(byAgent.ok ? null : byAgent.error.code).toBe("FORBIDDEN");
    const http = await call(admin.socket, "manuals:save", {
      articles: [{ ...articles[1], url: "http://docs.acme.test/x" }],
    });
    expect(http.ok ? null : http.error.issues?.[0]?.path).toBe("articles.0.url");
    const js = await call(admin.socket, "manuals:save", { articles: [{ ...articles[1], url: "javascript:alert(1)" }] });
    expect(js.ok ? null : js.error.code).toBe("BAD_REQUEST");
    const product = await call(admin.socket, "manuals:save", { articles: [{ ...articles[1], product: "desktop" }] });
    expect(product.ok ? null : product.error.issues?.[0]?.path).toBe("articles.0.product");
    const extra = await callUnchecked(admin.socket, "manuals:save", { articles: [{ ...articles[1], html: "<b>" }] });
    expect(extra.ok ? null : extra.error.code).toBe("BAD_REQUEST");
  });

  it("should suggest matching articles to a visitor and show the agent which ones they opened", async () => {
    const admin = await t.staff(site._id, "admin", "Ada");
    const { articles: stored } = await ok(admin.socket, "manuals:save", { articles });
    const [exporting, license] = stored as [ManualArticleDto, ManualArticleDto];
    const visitor = await t.visitor(site.key);
    const suggested = await ok(visitor.socket, "manual:suggest", {
      text: "The CSV export hangs at 50%",
      product: "cloud",
    });
    expect(suggested.articles).toEqual([{ id: exporting.id, title: exporting.title, url: exporting.url }]);
    const injected = await callUnchecked(visitor.socket, "manual:suggest", { text: { $ne: "" } });
    expect(injected.ok ? null : injected.error.code).toBe("BAD_REQUEST");

    const created: OfflineRequestDto[] = [];
    admin.socket.on("offline:created", (r) => created.push(r));
    await ok(visitor.socket, "offline:submit", {
      clientRequestId: msgId(),
      name: "Vera",
      email: "vera@example.test",
      priority: "medium",
      product: "cloud",
      details: "The CSV export hangs at 50%",
      // One the site does not have is dropped: a visitor cannot put their own titles on the agent's screen.
      manualsOpened: [exporting.id, "not-an-article-1"],
      timeZone: "America/New_York",
    });
    const { requests } = await ok(admin.socket, "offline:list", {});
    expect(requests[0]?.manualsOpened).toEqual([{ id: exporting.id, title: exporting.title, url: exporting.url }]);
    expect(license.id).not.toBe(exporting.id);

    // The zone the widget reported is the one offered when proposing a web conference on its ticket.
    const { ticket } = await ok(admin.socket, "ticket:create", {
      source: { kind: "offline", offlineRequestId: present(requests[0], "the offline request").id },
      fields: ticketFields({ priority: "medium" }),
    });
    const meetings = await ok(admin.socket, "meeting:list", { ticketId: ticket.id });
    expect(meetings.reportedTimeZone).toBe("America/New_York");
    // The ticket made from it says so on its timeline.
    const { timeline } = await ok(admin.socket, "ticket:get", { ticketId: ticket.id });
    expect(timeline.filter((e) => e.type === "manual").map((e) => e.text)).toEqual([
      "the request came after opening the manual: “Exporting reports” (https://docs.acme.test/export)",
    ]);
  });

  it("should put an article opened from a ticket's reply form on its timeline once, for its requester only", async () => {
    const admin = await t.staff(site._id, "admin", "Ada");
    const { articles: stored } = await ok(admin.socket, "manuals:save", { articles });
    const article = stored[1] as ManualArticleDto;
    const { ticket, visitor } = await chatTicket(t, site.key, admin, { email: "rita@example.test" });
    const opened = { ticketId: ticket.id, articleId: article.id };
    await ok(visitor.socket, "manual:opened", opened);
    await ok(visitor.socket, "manual:opened", opened);
    const stranger = await t.visitor(site.key);
    const foreign = await call(stranger.socket, "manual:opened", opened);
    expect(foreign.ok ? null : foreign.error.code).toBe("NOT_FOUND");
    const unknown = await call(visitor.socket, "manual:opened", { ...opened, articleId: "no-such-article" });
    expect(unknown.ok ? null : unknown.error.code).toBe("NOT_FOUND");

    const { timeline } = await ok(admin.socket, "ticket:get", { ticketId: ticket.id });
    expect(timeline.filter((e) => e.type === "manual").map((e) => `${e.actor.name} ${e.text}`)).toEqual([
      "Vera Visitor opened the manual article “Activating your license” (https://docs.acme.test/license) while writing",
    ]);
  });
});
