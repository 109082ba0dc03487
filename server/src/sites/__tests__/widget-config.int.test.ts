// Theming (docs/embedding.md, "Theming, greeting and unread alerts"): the loader reads a site's theme and greeting from
// GET /api/widget/config/:siteKey before it draws the launcher; admins set them with site:update.
import {
  DEFAULT_WIDGET_SETTINGS,
  type SiteSettingsDto,
  type WidgetConfigDto,
  type WidgetSettings,
} from "@parley/shared";
import { LAUNCHER_CSS } from "@parley/shared/launcher-css";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, collect, ok, staffMember, TestServer, waitFor } from "../../../test/harness.ts";
import { Site } from "../site.model.ts";

let t: TestServer;
beforeAll(async () => {
  t = await TestServer.start();
});
afterAll(() => t.stop());

const config = (siteKey: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/api/widget/config/${siteKey}`, { headers });

const themed: WidgetSettings = {
  theme: {
    accentColour: "#ffcc00",
    accentTextColour: "#1d2433",
    position: "left",
    colourScheme: "dark",
    launcherLabel: "Ask us",
    greeting: "Hi from the <b>billing</b> team",
    teamName: "Billing",
    avatarUrl: "https://cdn.example.com/team.png",
  },
  proactive: { enabled: true, message: "Need a hand with plans?", delaySeconds: 5, paths: ["/pricing*", "/a.b"] },
  sound: true,
};

describe("GET /api/widget/config/:siteKey", () => {
  it("should answer a site that never set anything with the defaults and no greeting", async () => {
    const site = await t.createSite();
    const res = await config(site.key, { origin: "https://shop.example" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(res.headers.get("vary")).toMatch(/Accept-Language/);
    expect((await res.json()) as WidgetConfigDto).toEqual({
      theme: DEFAULT_WIDGET_SETTINGS.theme,
      launcher: { label: "Live Chat", lang: "en" },
      css:
        LAUNCHER_CSS +
        ":host{--parley-bg:#1f4fd1;--parley-fg:#ffffff;--parley-left:auto;--parley-right:20px;--parley-edge:transparent}" +
        "@media (prefers-color-scheme:dark){:host{--parley-edge:#ffffff8c}}",
      proactive: null,
      sound: false,
    });
  });

  it("should give the default launcher label in the visitor's language, as the app would choose it", async () => {
    const site = await t.createSite();
    const label = async (acceptLanguage: string) =>
      ((await (await config(site.key, { "accept-language": acceptLanguage })).json()) as WidgetConfigDto).launcher;
    expect(await label("fr-CA,fr;q=0.9,en;q=0.8")).toEqual({ label: "Chat en direct", lang: "fr" });
    // Weights, not order, decide; a language the widget does not speak is passed over.
    expect(await label("en;q=0.5, pt-BR, de;q=0.9")).toEqual({ label: "Live-Chat", lang: "de" });
    expect(await label("ar-EG")).toEqual({ label: "دردشة مباشرة", lang: "ar" });
    expect(await label("pt-BR,*;q=0.1")).toEqual({ label: "Live Chat", lang: "en" });
    expect(await label("es;q=0")).toEqual({ label: "Live Chat", lang: "en" });
  });

  it("should fill in a site stored before theming existed", async () => {
    const site = await t.createSite();
    await Site.collection.updateOne({ _id: site._id }, { $unset: { widget: "" } });
    await Site.updateOne({ _id: site._id }, { $set: { name: site.name } }); // forgets the cached site
    const body = (await (await config(site.key)).json()) as WidgetConfigDto;
    expect(body.theme).toEqual(DEFAULT_WIDGET_SETTINGS.theme);
  });

  it("should return the site's theme and its greeting's pages compiled for the loader", async () => {
    const site = await t.createSite();
    const admin = await staffMember(t, site._id, { role: "admin" });
    await ok(admin.socket, "site:update", { widget: themed });

    const body = (await (await config(site.key)).json()) as WidgetConfigDto;
    expect(body.theme).toEqual(themed.theme);
    // The loader adopts this rule as is: only validated values, on the chosen side.
    expect(body.css).toBe(
      LAUNCHER_CSS +
        ":host{--parley-bg:#ffcc00;--parley-fg:#1d2433;--parley-left:20px;--parley-right:auto;--parley-edge:#ffffff8c}",
    );
    // The site's own label is its own words, whatever the visitor reads.
    expect(body.launcher).toEqual({ label: "Ask us", lang: null });
    const french = (await (await config(site.key, { "accept-language": "fr-CA,fr;q=0.9" })).json()) as WidgetConfigDto;
    expect(french.launcher).toEqual({ label: "Ask us", lang: null });
    expect(body.sound).toBe(true);
    expect(body.proactive).toMatchObject({ message: "Need a hand with plans?", delayMs: 5000 });
    const pages = new RegExp(body.proactive?.pathRegex ?? "(?!)");
    expect(["/pricing", "/pricing/teams", "/a.b"].every((p) => pages.test(p))).toBe(true);
    expect(["/", "/axb", "/en/pricing"].some((p) => pages.test(p))).toBe(false);
  });

  it("should be cacheable, and answer 304 to a revalidation until the settings change", async () => {
    const site = await t.createSite();
    const first = await config(site.key);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await config(site.key, { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const admin = await staffMember(t, site._id, { role: "admin" });
    await ok(admin.socket, "site:update", { widget: { ...DEFAULT_WIDGET_SETTINGS, sound: true } });
    const changed = await config(site.key, { "if-none-match": etag ?? "" });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as WidgetConfigDto).sound).toBe(true);
  });

  it("should refuse an unknown site cleanly, without letting it be cached", async () => {
    const res = await config("no-such-site");
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "Unknown site key" } });
  });

  it("should refuse a malformed site key before it reaches the database", async () => {
    const res = await config(encodeURIComponent('{"$ne":null}'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  });
});

describe("site:update with widget settings", () => {
  it("should let an admin save them, and tell the site's staff", async () => {
    const site = await t.createSite();
    const admin = await staffMember(t, site._id, { role: "admin" });
    const agent = await staffMember(t, site._id, { role: "agent" });
    const pushed = collect<SiteSettingsDto>(agent.socket, "site:updated");
    const res = await ok(admin.socket, "site:update", { widget: themed });
    expect(res.site.widget).toEqual(themed);
    await waitFor(() => pushed.some((s) => s.widget.theme.teamName === "Billing"));
    expect((await ok(agent.socket, "site:get", {})).site.widget).toEqual(themed);
  });

  it("should refuse an agent who is not an admin, and change nothing", async () => {
    const site = await t.createSite();
    const agent = await staffMember(t, site._id, { role: "agent" });
    const supervisor = await staffMember(t, site._id, { role: "supervisor" });
    for (const member of [agent, supervisor]) {
      expect(await call(member.socket, "site:update", { widget: themed })).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
    }
    expect(((await (await config(site.key)).json()) as WidgetConfigDto).theme).toEqual(DEFAULT_WIDGET_SETTINGS.theme);
  });

  it("should refuse bad settings with the field at fault", async () => {
    const site = await t.createSite();
    const admin = await staffMember(t, site._id, { role: "admin" });
    const cases: Array<[WidgetSettings["theme"], string]> = [
      [{ ...themed.theme, accentColour: "red" }, "widget.theme.accentColour"],
      [{ ...themed.theme, accentColour: "#1f4fd1;background:url(x)" }, "widget.theme.accentColour"],
      [{ ...themed.theme, accentColour: "#ffcc00", accentTextColour: "#ffffff" }, "widget.theme.accentTextColour"],
      [{ ...themed.theme, avatarUrl: "javascript:alert(1)" }, "widget.theme.avatarUrl"],
      [{ ...themed.theme, avatarUrl: "http://cdn.example.com/a.png" }, "widget.theme.avatarUrl"],
      [{ ...themed.theme, launcherLabel: "x".repeat(31) }, "widget.theme.launcherLabel"],
    ];
    for (const [theme, path] of cases) {
      const res = await call(admin.socket, "site:update", { widget: { ...themed, theme } });
      expect(res, path).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      const issues = (res as { error: { issues?: Array<{ path: string }> } }).error.issues ?? [];
      expect(issues.map((i) => i.path)).toContain(path);
    }
    const badPaths = await call(admin.socket, "site:update", {
      widget: { ...themed, proactive: { ...themed.proactive, paths: ["pricing"] } },
    });
    expect(badPaths).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(((await (await config(site.key)).json()) as WidgetConfigDto).theme).toEqual(DEFAULT_WIDGET_SETTINGS.theme);
  });
});
