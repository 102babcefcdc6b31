import { describe, expect, it } from "vitest";
import { checkMentions, insertAt, mentionStyle, moveOrder, renumber } from "@/components/video/references";

const en = mentionStyle("T0401003", "reference")!;
const zh = mentionStyle("T0101007", "multimodal-reference")!;

describe("reference mentions in the prompt", () => {
  it("uses each vendor's documented syntax, and none where a model documents none", () => {
    expect(en.token(2)).toBe("[Image 2]");
    expect(zh.token(2)).toBe("[图2]");
    expect(mentionStyle("T0101007", "reference")).toBe(zh);
    expect(mentionStyle("T0301004", "reference")).toBeUndefined();
    expect(mentionStyle("T0401004", "video-edit")).toBeUndefined();
  });

  it("renumbers in one pass when images are reordered (a swap does not collide)", () => {
    const p = "[Image 1] holds [Image 2]'s fan; [Image 3] earrings; again [Image 1]";
    expect(renumber(p, en, moveOrder(3, 0, 1))).toBe(
      "[Image 2] holds [Image 1]'s fan; [Image 3] earrings; again [Image 2]",
    );
    expect(renumber(p, en, moveOrder(3, 2, 0))).toBe(
      "[Image 2] holds [Image 3]'s fan; [Image 1] earrings; again [Image 2]",
    );
    expect(renumber("[图1]的女孩抱着[图2]的狐狸", zh, moveOrder(2, 1, 0))).toBe("[图2]的女孩抱着[图1]的狐狸");
  });

  it("marks mentions of a removed image and shifts the later ones down", () => {
    const order = moveOrder(3, 1, undefined);
    expect(order).toEqual([0, undefined, 1]);
    expect(renumber("[Image 1], [Image 2], [Image 3]", en, order)).toBe("[Image 1], [Image ?], [Image 2]");
  });

  it("flags images never mentioned and mentions with no image", () => {
    expect(checkMentions("[Image 1] and [Image 4] and [image 1] [Image ?]", en, 3)).toEqual({
      unmentioned: [2, 3],
      dangling: ["[Image 4]", "[Image ?]"],
    });
    expect(checkMentions("[图1][图2]", zh, 2)).toEqual({ unmentioned: [], dangling: [] });
    expect(checkMentions("no mentions", zh, 0)).toEqual({ unmentioned: [], dangling: [] });
  });

  it("inserts at the cursor, with a space only where it would touch a word", () => {
    expect(insertAt("a girl holding", 6, 6, "[Image 1]")).toEqual({ text: "a girl [Image 1] holding", caret: 16 });
    expect(insertAt("hello", 5, 5, "[Image 2]")).toEqual({ text: "hello [Image 2]", caret: 15 });
    expect(insertAt("女孩", 0, 0, "[图1]")).toEqual({ text: "[图1]女孩", caret: 4 });
    expect(insertAt("replace ME now", 8, 10, "[图2]")).toEqual({ text: "replace [图2] now", caret: 12 });
  });
});

describe("form inputs → POST /api/v1/generations inputs", () => {
  it("keeps the mode's role order and the user's order within a role; URL-only roles fall back to the source URL without a public address", async () => {
    const { toGenerationInputs } = await import("@/components/inputs/to-request");
    const { getModeSpec } = await import("@/lib/catalog");
    const specs = getModeSpec("T0401004", "video-edit")!.inputs;
    const item = (key: string, role: string, extra: object) =>
      ({ key, role, kind: "image", source: "upload", name: key, facts: {}, state: "ready", ...extra }) as never;
    const items = [
      item("r2", "reference_image", { assetId: "img-2" }),
      item("v", "video", { assetId: "vid", sourceUrl: "https://cdn.example.com/clip.mp4" }),
      item("r1", "reference_image", { assetId: "img-1" }),
      item("busy", "reference_image", { assetId: "img-3", state: "uploading" }),
      item("other", "first_frame", { assetId: "not-this-mode" }),
    ];
    expect(toGenerationInputs(items, specs, { publicUrl: true })).toEqual([
      { role: "video", assetId: "vid" },
      { role: "reference_image", assetId: "img-2" },
      { role: "reference_image", assetId: "img-1" },
    ]);
    expect(toGenerationInputs(items, specs, { publicUrl: false })[0]).toEqual({
      role: "video",
      url: "https://cdn.example.com/clip.mp4",
    });
    expect(
      toGenerationInputs([item("lib", "reference_image", { url: "asset://asset-1" })], specs, { publicUrl: true }),
    ).toEqual([{ role: "reference_image", url: "asset://asset-1" }]);
  });
});
