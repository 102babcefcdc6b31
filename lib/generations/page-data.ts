import "server-only";
import { CATALOG, type Mode, type ModelKind } from "@/lib/catalog";
import { modeFormSpec, type ModeFormSpec } from "@/lib/catalog/form-spec";
import { adapterFor } from "./adapters";

/** The modes of a page, each with the models the studio can run in it (only those). */
export function runnableModes(kind: ModelKind, order: Mode[]): { mode: Mode; specs: ModeFormSpec[] }[] {
  return order
    .map((mode) => ({
      mode,
      specs: CATALOG.filter((m) => m.kind === kind && adapterFor(m.family) && m.modes.some((s) => s.mode === mode)).map(
        (m) => modeFormSpec(m.id, mode)!,
      ),
    }))
    .filter((m) => m.specs.length > 0);
}

/** What a generation card needs to know of every model. */
export function modelInfos() {
  return Object.fromEntries(
    CATALOG.map((m) => [m.id, { name: m.name, typicalSeconds: m.typicalSeconds, cancel: m.cancel ?? "never" }]),
  );
}
