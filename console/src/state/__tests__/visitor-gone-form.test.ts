import { describe, expect, it } from "vitest";
import { visitorGoneInput } from "../visitor-gone-form.ts";

describe("visitors-who-leave form", () => {
  it("sends whole minutes within the schema's bounds", () => {
    expect(visitorGoneInput(" 5 ", "120")).toEqual({
      ok: true,
      visitorGone: { leftAfterMinutes: 5, closeAfterMinutes: 120 },
    });
  });

  it("refuses blanks, fractions and values out of bounds at the paths site:update reports", () => {
    for (const [left, close, paths] of [
      ["0", "30", ["visitorGone.leftAfterMinutes"]],
      ["241", "1441", ["visitorGone.leftAfterMinutes", "visitorGone.closeAfterMinutes"]],
      ["", "1.5", ["visitorGone.leftAfterMinutes", "visitorGone.closeAfterMinutes"]],
    ] as const) {
      const result = visitorGoneInput(left, close);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(paths);
    }
  });
});
