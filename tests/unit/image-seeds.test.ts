import { describe, expect, it } from "vitest";
import { seedsFor } from "@/components/image/seeds";

// Variations: the same prompt, N seeds, run together.

describe("variation seeds", () => {
  it("one image keeps the form's seed (or none)", () => {
    expect(seedsFor(1, undefined)).toEqual([undefined]);
    expect(seedsFor(1, 7)).toEqual([7]);
  });
  it("a fixed seed gives a reproducible run of consecutive seeds, wrapping at the documented maximum", () => {
    expect(seedsFor(3, 7)).toEqual([7, 8, 9]);
    expect(seedsFor(2, 2147483647)).toEqual([2147483647, 0]);
  });
  it("without a seed every image gets a random one", () => {
    let n = 100;
    expect(seedsFor(4, undefined, () => n++)).toEqual([100, 101, 102, 103]);
    const real = seedsFor(4, undefined);
    expect(real.every((s) => Number.isInteger(s) && s! >= 0 && s! <= 2147483647)).toBe(true);
  });
});
