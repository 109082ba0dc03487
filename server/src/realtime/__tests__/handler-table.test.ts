import { describe, expect, it } from "vitest";
import { handlersOf, serves } from "../command-registry.ts";

const group = { "a:get": async () => ({}), "a:set": async () => ({}) };

describe("a namespace's routing table (serves, handlersOf)", () => {
  it("should take a group whose events are listed exactly, in any order", () => {
    expect(Object.keys(serves(["a:set", "a:get"], group))).toEqual(["a:get", "a:set"]);
  });

  it("should refuse, at compile time and at start, a list that leaves an event out or names one not served", () => {
    // @ts-expect-error "a:set" is served but not listed
    expect(() => serves(["a:get"], group)).toThrow("handler group lists [a:get] but serves [a:get,a:set]");
    // @ts-expect-error "a:gone" is not served by the group
    expect(() => serves(["a:get", "a:set", "a:gone"], group)).toThrow("lists [a:get,a:gone,a:set]");
  });

  it("should merge groups, and refuse two groups serving one event", () => {
    const other = { "b:get": async () => ({}) };
    expect(Object.keys(handlersOf(serves(["a:get", "a:set"], group), serves(["b:get"], other)))).toEqual([
      "a:get",
      "a:set",
      "b:get",
    ]);
    expect(() => handlersOf(group, { "a:set": async () => ({}) })).toThrow('two handler groups serve "a:set"');
  });
});
