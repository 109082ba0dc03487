import { MAX_MESSAGE_LENGTH } from "@parley/shared/constants";
import { describe, expect, it } from "vitest";
import { truncate } from "../environment.ts";
import { isPlausibleEmail, lengthProblem } from "../message-rules.ts";

describe("message rules", () => {
  it("accepts the limit exactly and explains anything longer", () => {
    expect(lengthProblem(MAX_MESSAGE_LENGTH)).toBeNull();
    expect(lengthProblem(MAX_MESSAGE_LENGTH + 1)).toMatch(/too long: 1 character over/);
  });

  it("checks emails about as strictly as the server", () => {
    expect(isPlausibleEmail("ada@example.com")).toBe(true);
    expect(isPlausibleEmail("ada.lovelace+chat@mail.example.co.uk")).toBe(true);
    expect(isPlausibleEmail("ada@localhost")).toBe(false);
    expect(isPlausibleEmail("ada@@example.com")).toBe(false);
    expect(isPlausibleEmail("ada..x@example.com")).toBe(false);
  });
});

describe("truncate", () => {
  it("cuts to the schema limit without splitting a surrogate pair", () => {
    expect(truncate("abc", 5)).toBe("abc");
    expect(truncate("abcdef", 3)).toBe("abc");
    expect(truncate("ab😀", 3)).toBe("ab");
  });
});
