import { describe, expect, it } from "vitest";
import {
  ForbiddenAddressError,
  guardedLookup,
  isForbiddenAddress,
  publicAddresses,
  type Resolver,
} from "../ssrf-guard.ts";

describe("isForbiddenAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::a00:1",
    "2002:7f00:1::",
    "2001:db8::1",
    "not-an-address",
    "1.2.3",
  ])("should refuse %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "192.169.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
  ])("should allow the public address %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

/** Answers each name from a table, and counts the lookups. */
function table(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve: Resolver = async (hostname) => {
    asked.push(hostname);
    return (answers[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, asked };
}

const lookupOnce = (lookup: ReturnType<typeof guardedLookup>, hostname: string, all: boolean) =>
  new Promise<{ err: Error | null; result: unknown }>((resolve) => {
    lookup(hostname, { all }, ((err: Error | null, address: unknown, family?: number) =>
      resolve({ err, result: all ? address : { address, family } })) as never);
  });

describe("the guarded lookup", () => {
  it("should refuse a name if any one of its addresses is not public, IPv6 and IPv4-mapped included", async () => {
    const { resolve } = table({
      "mixed.example.test": ["93.184.216.34", "::1"],
      "mapped.example.test": ["2606:4700:4700::1111", "::ffff:192.168.0.10"],
      "metadata.example.test": ["169.254.169.254"],
    });
    const lookup = guardedLookup(resolve);
    for (const name of ["mixed.example.test", "mapped.example.test", "metadata.example.test"]) {
      for (const all of [true, false]) {
        const { err } = await lookupOnce(lookup, name, all);
        expect(err).toBeInstanceOf(ForbiddenAddressError);
      }
    }
  });

  it("should hand the socket exactly the addresses it checked, from one resolution", async () => {
    const { resolve, asked } = table({ "hooks.example.test": ["93.184.216.34", "2606:4700:4700::1111"] });
    const lookup = guardedLookup(resolve);
    const all = await lookupOnce(lookup, "hooks.example.test", true);
    expect(all.err).toBeNull();
    expect(all.result).toEqual([
      { address: "93.184.216.34", family: 4 },
      { address: "2606:4700:4700::1111", family: 6 },
    ]);
    const one = await lookupOnce(lookup, "hooks.example.test", false);
    expect(one.result).toEqual({ address: "93.184.216.34", family: 4 });
    expect(asked).toEqual(["hooks.example.test", "hooks.example.test"]);
  });

  it("should check address literals without resolving them", async () => {
    const { resolve, asked } = table({});
    await expect(publicAddresses("127.0.0.1", resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
    await expect(publicAddresses("::ffff:127.0.0.1", resolve)).rejects.toBeInstanceOf(ForbiddenAddressError);
    await expect(publicAddresses("8.8.8.8", resolve)).resolves.toEqual([{ address: "8.8.8.8", family: 4 }]);
    expect(asked).toEqual([]);
  });
});
