import { describe, expect, it } from "vitest";
import { TokenBuckets } from "../token-buckets.ts";

describe("TokenBuckets", () => {
  it("should allow a burst up to capacity, then refill at the given rate, per key", () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, perSecond: 2 }, () => now);
    expect([1, 2, 3, 4].map(() => buckets.take("a"))).toEqual([true, true, true, false]);
    expect(buckets.take("b")).toBe(true);
    now += 499;
    expect(buckets.take("a")).toBe(false);
    now += 1;
    expect(buckets.take("a")).toBe(true);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => buckets.take("a"))).toEqual([true, true, true, false]);
  });

  it("should neither drain nor refill when the clock is set back", () => {
    let now = 100_000;
    const buckets = new TokenBuckets({ capacity: 2, perSecond: 1 }, () => now);
    expect(buckets.take("a")).toBe(true);
    now -= 60_000;
    expect([1, 2].map(() => buckets.take("a"))).toEqual([true, false]);
    now += 1_000;
    expect(buckets.take("a")).toBe(true);
  });
});
