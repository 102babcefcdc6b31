import type { ModelKind } from "./types";

// What kind of thing each model makes, without the parameter schemas: small enough for the browser, where
// every Generate button computes its estimate. tests/unit/spend-units.test.ts keeps it equal to the catalog.
export const MODEL_KINDS: Record<string, ModelKind> = {
  T0401001: "video",
  T0401002: "video",
  T0401003: "video",
  T0401004: "video",
  T0101007: "video",
  T0301004: "video",
  T0302007: "image",
  T0311001: "speech",
  T0310001: "chat",
  T0106004: "chat",
};
