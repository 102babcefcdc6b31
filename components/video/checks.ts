"use client";

import { useTranslations } from "use-intl";
import type { MediaItem } from "@/components/inputs/types";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { moduleLoader, useModuleWhen } from "@/lib/client/lazy";

export interface InputReadiness {
  /** Something is still being read or uploaded (or the checks are still loading): wait. */
  pending: boolean;
  /** Reasons not to send, each naming its limit (counts, files refused, cross-input rules). */
  problems: string[];
}

// The rules and the limit checks load for modes that have inputs (text-to-video has none): see input-rules.ts.
export const loadInputRules = moduleLoader(() => import("./input-rules"));

/** Whether the inputs of a mode can be sent (input-rules.ts says how); a mode without inputs always can. */
export function useInputReadiness(
  spec: ModeFormSpec | undefined,
  items: MediaItem[],
  publicUrl: boolean,
): InputReadiness {
  const t = useTranslations("video");
  const ti = useTranslations("inputs");
  const needed = !!spec && spec.inputs.length > 0;
  const rules = useModuleWhen(loadInputRules, needed);
  if (!spec || !needed) return { pending: false, problems: [] };
  if (!rules) return { pending: true, problems: [] };
  return rules.inputReadiness(spec, items, publicUrl, t, ti);
}
