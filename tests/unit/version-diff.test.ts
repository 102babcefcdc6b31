import { describe, expect, it } from "vitest";
import { settingChanges, settingTable } from "@/lib/versions/diff";

describe("setting differences between versions", () => {
  it("lists prompt, model and mode first, then the parameters that changed, by name", () => {
    expect(
      settingChanges(
        { prompt: "a boat", model: "T0401001", mode: "text-to-video", params: { ratio: "16:9", duration: 5, seed: 1 } },
        { prompt: "a boat at dusk", model: "T0401001", mode: "text-to-video", params: { duration: 5, ratio: "9:16" } },
      ),
    ).toEqual([
      { field: "prompt", from: "a boat", to: "a boat at dusk" },
      { field: "ratio", from: "16:9", to: "9:16" },
      { field: "seed", from: 1 },
    ]);
    expect(settingChanges({ params: { a: [1, 2] } }, { params: { a: [1, 2] } })).toEqual([]);
  });

  it("tables the fields that are not the same on every item, with each item's value", () => {
    const items = [
      { prompt: "x", params: { size: "1K", n: 1 } },
      { prompt: "x", params: { size: "2K", n: 1 } },
      { prompt: "y", params: { size: "1K", n: 1 } },
    ];
    expect(settingTable(items)).toEqual([
      { field: "prompt", values: ["x", "x", "y"] },
      { field: "size", values: ["1K", "2K", "1K"] },
    ]);
    expect(settingTable([items[0], items[0]])).toEqual([]);
  });
});
