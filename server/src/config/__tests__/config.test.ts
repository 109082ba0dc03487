import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";

describe("cluster settings", () => {
  it("should read TRUST_PROXY as a hop count or a list of addresses, and trust no proxy by default", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.0/8, loopback ,::1" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "loopback",
      "::1",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.1; rm -rf" })).toThrow(/TRUST_PROXY/);
  });

  it("should stay one process without REDIS_URL, and refuse a URL that is not Redis", () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "" }).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: "redis://10.0.0.5:6379" })).toMatchObject({
      redisUrl: "redis://10.0.0.5:6379",
      redisPrefix: "parley",
    });
    expect(() => loadConfig({ REDIS_URL: "http://10.0.0.5" })).toThrow(/REDIS_URL/);
  });

  it("should keep attachments under the data directory unless ATTACHMENTS_DIR names a shared one", () => {
    expect(loadConfig({ PARLEY_DATA_DIR: "/srv/parley" }).attachmentsDir).toBe("/srv/parley/attachments");
    expect(loadConfig({ PARLEY_DATA_DIR: "/srv/parley", ATTACHMENTS_DIR: "/mnt/files" }).attachmentsDir).toBe(
      "/mnt/files",
    );
  });
});
