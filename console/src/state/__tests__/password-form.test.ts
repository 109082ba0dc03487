import { describe, expect, it } from "vitest";
import { newPasswordProblems, resetTokenOf } from "../password-form.ts";

describe("new password form", () => {
  it("should ask for 10 characters first, then the same password twice", () => {
    expect(newPasswordProblems({ password: "short", confirm: "short" })).toEqual({
      password: "Use at least 10 characters.",
    });
    expect(newPasswordProblems({ password: "long enough", confirm: "long enougH" })).toEqual({
      confirm: "The two passwords are not the same.",
    });
    expect(newPasswordProblems({ password: " long enough ", confirm: " long enough " })).toEqual({});
  });
});

describe("reset link token", () => {
  it("should read the token from the fragment and nothing that is not one", () => {
    const token = "abcDEF123_-".padEnd(43, "x");
    expect(resetTokenOf(`#token=${token}`)).toBe(token);
    expect(resetTokenOf(`token=${token}`)).toBe(token);
    expect(resetTokenOf("")).toBeNull();
    expect(resetTokenOf("#token=short")).toBeNull();
    expect(resetTokenOf("#token=<script>alert(1)</script>xxxxxxxxxxxxxxxxxxxxxxxx")).toBeNull();
  });
});
