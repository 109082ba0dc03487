import { afterEach, describe, expect, it, vi } from "vitest";
import { HostApi, tokenUserId } from "../host-api.ts";
import { dropOtherUsersSession } from "../session.ts";
import { memoryStore } from "../storage.ts";

const tokenFor = (userId: string) =>
  `${btoa(JSON.stringify({ userId, exp: 1 }))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")}.${"x".repeat(43)}`;

describe("the JS API's app side", () => {
  afterEach(() => vi.restoreAllMocks());

  it("should take an identify of string fields, and warn of and ignore anything else", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const api = new HostApi();
    api.call(["identify", { name: "Vera", email: "vera@example.test" }]);
    expect(api.identity).toEqual({ name: "Vera", email: "vera@example.test" });
    for (const bad of [["identify", { name: 42 }], ["identify", { nmae: "Vera" }], ["identify", null], ["identify"]]) {
      api.call(bad);
    }
    api.call(["setLocale", 7]);
    api.call(["on", "mesage", () => undefined]);
    api.call(["on", "message", "not a function"]);
    api.call(["launch"]);
    expect(warn).toHaveBeenCalledTimes(8);
    expect(api.identity).toEqual({ name: "Vera", email: "vera@example.test" });
    expect(api.locale).toBeUndefined();
    api.call(["logout"]);
    expect(api.identity).toBeNull();
  });

  it("should tell every listener, even after one throws, and stop telling one that is removed", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const api = new HostApi();
    const heard: unknown[] = [];
    const keep = (n: unknown) => heard.push(n);
    api.call([
      "on",
      "unread",
      () => {
        throw new Error("host page bug");
      },
    ]);
    api.call(["on", "unread", keep]);
    api.emit("unread", 2);
    api.call(["off", "unread", keep]);
    api.emit("unread", 3);
    expect(heard).toEqual([2]);
    expect(error).toHaveBeenCalledTimes(2);
  });

  it("should read the user an identity token names, and nothing from what is not one", () => {
    expect(tokenUserId(tokenFor("user-42"))).toBe("user-42");
    expect(tokenUserId("garbage")).toBeNull();
    expect(tokenUserId(undefined)).toBeNull();
  });

  it("should keep the stored session for the same user and drop it for anyone else", () => {
    const store = memoryStore();
    const keys = ["visitor", "conversation"];
    const fill = (user: string | null) => {
      store.setItem("visitor", "token");
      store.setItem("conversation", "c1");
      if (user === null) store.removeItem("user");
      else store.setItem("user", user);
    };
    fill("user-1");
    dropOtherUsersSession(store, keys, "user", "user-1");
    expect(store.getItem("visitor")).toBe("token");
    dropOtherUsersSession(store, keys, "user", "user-2");
    expect([store.getItem("visitor"), store.getItem("conversation"), store.getItem("user")]).toEqual([
      null,
      null,
      null,
    ]);
    fill("user-1");
    dropOtherUsersSession(store, keys, "user", null);
    expect(store.getItem("visitor")).toBeNull();
    fill(null);
    dropOtherUsersSession(store, keys, "user", null);
    expect(store.getItem("visitor")).toBe("token");
    // A session whose token the server refused is anonymous, but kept while the page names the same user.
    fill("?user-3");
    dropOtherUsersSession(store, keys, "user", "user-3");
    expect(store.getItem("visitor")).toBe("token");
  });
});
