import { z } from "zod";
import { getModel } from "./index";
import type { InputSpec, Mode, PromptSpec } from "./types";

/** A parameter as a form needs it: plain JSON, so it can cross from the server to a client component. */
export interface ParamField {
  name: string;
  kind: "enum" | "integer" | "number" | "boolean" | "string";
  options?: (string | number)[];
  min?: number;
  max?: number;
  default?: unknown;
  optional: boolean;
  description?: string;
  /** A value that means "let the model decide" (e.g. Seedance duration -1), and the smallest fixed value beside it. */
  auto?: number;
  autoMin?: number;
  /** What the API does when the field is left out (an optional field with no studio default). */
  upstreamDefault?: number;
}

export interface ModeFormSpec {
  modelId: string;
  mode: Mode;
  name: { zh: string; en: string };
  vendorName: string;
  prompt: PromptSpec;
  inputs: InputSpec[];
  params: ParamField[];
  typicalSeconds?: number;
  cancel: "queued-only" | "never";
}

type JsonProp = {
  type?: string | string[];
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  anyOf?: JsonProp[];
  auto?: number;
  autoMin?: number;
  upstreamDefault?: number;
};

/** The catalog's zod schema for one mode, turned into form fields (limits and defaults kept). */
export function modeFormSpec(modelId: string, mode: Mode): ModeFormSpec | undefined {
  const model = getModel(modelId);
  const spec = model?.modes.find((m) => m.mode === mode);
  if (!model || !spec) return undefined;
  const schema = z.toJSONSchema(spec.params, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonProp>;
    required?: string[];
  };
  const params: ParamField[] = Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const p = raw.anyOf?.find((x) => x.type !== "null") ?? raw;
    const type = Array.isArray(p.type) ? p.type[0] : p.type;
    const kind: ParamField["kind"] = p.enum
      ? "enum"
      : type === "integer"
        ? "integer"
        : type === "number"
          ? "number"
          : type === "boolean"
            ? "boolean"
            : "string";
    return {
      name,
      kind,
      ...(p.enum ? { options: p.enum } : {}),
      ...(p.minimum !== undefined ? { min: p.minimum } : {}),
      ...(p.maximum !== undefined ? { max: p.maximum } : {}),
      ...(raw.default !== undefined ? { default: raw.default } : p.default !== undefined ? { default: p.default } : {}),
      optional: !(schema.required ?? []).includes(name) || raw.default !== undefined,
      ...(raw.description || p.description ? { description: raw.description ?? p.description } : {}),
      ...(typeof (raw.auto ?? p.auto) === "number"
        ? { auto: raw.auto ?? p.auto, autoMin: raw.autoMin ?? p.autoMin }
        : {}),
      ...(typeof (raw.upstreamDefault ?? p.upstreamDefault) === "number"
        ? { upstreamDefault: raw.upstreamDefault ?? p.upstreamDefault }
        : {}),
    };
  });
  return {
    modelId,
    mode,
    name: model.name,
    vendorName: model.vendorName,
    prompt: spec.prompt,
    inputs: spec.inputs,
    params,
    typicalSeconds: model.typicalSeconds,
    cancel: model.cancel ?? "never",
  };
}
