import { describe, expect, it } from "vitest";
import { draftRows, inputProblems, toRequest, type BuilderDraft } from "@/components/experiments/builder/draft";
import { expandTemplate, splitValues } from "@/components/experiments/template";
import { expandTemplate as serverExpand } from "@/lib/experiments/expand";
import { modeFormSpec } from "@/lib/catalog/form-spec";

const draft = (p: Partial<BuilderDraft>): BuilderDraft => ({
  name: "t",
  promptMode: "template",
  list: "",
  template: "",
  values: {},
  variants: [{ key: "a", spec: "T0302007|text-to-image", params: { quality: "low" } }],
  seeds: "",
  repeats: 1,
  inputs: [],
  ...p,
});

describe("experiment builder draft", () => {
  it("previews a template's rows as the server expands them", () => {
    const vars = { 动物: ["猫", "狗"], 地点: ["海边", "雪山"] };
    const rows = expandTemplate("一只{动物}在{地点}", vars);
    expect(rows).toEqual(["一只猫在海边", "一只猫在雪山", "一只狗在海边", "一只狗在雪山"]);
    expect(rows).toEqual(serverExpand("一只{动物}在{地点}", vars).map((r) => r.prompt));
  });

  it("splits values on commas of either width and new lines", () => {
    expect(splitValues("猫, 狗，兔\n 鸟 ,")).toEqual(["猫", "狗", "兔", "鸟"]);
  });

  it("turns a draft into the REST body: template + variables, seeds, inputs", () => {
    const d = draft({ template: "一只{动物}", values: { 动物: "猫, 狗" }, seeds: "1, 2, x" });
    expect(draftRows(d)).toEqual(["一只猫", "一只狗"]);
    expect(toRequest(d, true)).toEqual({
      name: "t",
      prompts: { template: "一只{动物}", variables: { 动物: ["猫", "狗"] } },
      variants: [{ model: "T0302007", mode: "text-to-image", params: { quality: "low" } }],
      seeds: [1, 2],
      dryRun: true,
    });
    expect(toRequest(draft({ promptMode: "list", list: "a\n\n b " }), false).prompts).toEqual(["a", "b"]);
  });

  it("flags a variant whose mode cannot take the shared inputs, or lacks one it needs", () => {
    const t2i = modeFormSpec("T0302007", "text-to-image");
    const firstFrame = modeFormSpec("T0301004", "first-frame");
    expect(inputProblems(t2i, [{ role: "first_frame" }])).toEqual({ cannot: ["first_frame"], needs: [] });
    expect(inputProblems(firstFrame, [])).toEqual({ cannot: [], needs: ["first_frame"] });
    expect(inputProblems(firstFrame, [{ role: "first_frame" }])).toEqual({ cannot: [], needs: [] });
  });
});
