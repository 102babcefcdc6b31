import type { useTranslations } from "use-intl";
import { makeLimitText, type InputsTranslator } from "@/components/inputs/limits";
import type { MediaItem } from "@/components/inputs/types";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { ARK_LIMITS } from "@/lib/catalog/limits";
import { tKey } from "@/lib/i18n/dynamic-key";
import type { InputReadiness } from "./checks";

type VideoTranslator = ReturnType<typeof useTranslations<"video">>;

/**
 * Whether the inputs of a mode can be sent: every file ready and within its limits, each role's count
 * rule kept, and the mode's cross-input rules (Seedance multimodal reference: never audio alone, videos
 * and audios each ≤ 15 s in total — checkMultimodal in lib/catalog/seedance.ts, said in the page's language).
 * Loaded by `useInputReadiness` for modes that have inputs.
 */
export function inputReadiness(
  spec: ModeFormSpec,
  items: MediaItem[],
  publicUrl: boolean,
  t: VideoTranslator,
  ti: InputsTranslator,
): InputReadiness {
  const limits = makeLimitText(ti);
  const mine = items.filter((i) => spec.inputs.some((s) => s.role === i.role));
  const problems: string[] = [];
  for (const role of spec.inputs) {
    const list = mine.filter((i) => i.role === role.role);
    const c = limits.count(list.length, role);
    if (c) problems.push(c);
    if (list.some((i) => limits.problems(i, role).length > 0 || i.state === "rejected" || i.state === "failed"))
      problems.push(t("inputs.fix", { role: tKey(ti, `roles.${role.role}`) }));
    // URL-only inputs need the studio's public address, unless they came from a public URL or the asset library.
    if (!publicUrl && !role.transport.inline && list.some((i) => i.assetId && !i.url && !i.sourceUrl)) {
      problems.push(t("inputs.needsPublicUrl", { role: tKey(ti, `roles.${role.role}`), model: spec.vendorName }));
    }
  }
  if (spec.mode === "multimodal-reference") {
    const has = (role: string) => mine.some((i) => i.role === role);
    if (!has("reference_image") && !has("reference_video"))
      problems.push(has("reference_audio") ? t("inputs.audioAlone") : t("inputs.needsReference"));
    // Files already refused are flagged on their own; they do not count towards the totals.
    const total = (role: string) =>
      mine
        .filter((i) => i.role === role && i.state !== "rejected" && i.state !== "failed")
        .reduce((s, i) => s + (i.facts.durationSeconds ?? 0), 0);
    const max = ARK_LIMITS.maxTotalSeconds;
    if (total("reference_video") > max)
      problems.push(t("inputs.totalVideo", { seconds: total("reference_video").toFixed(1), max }));
    if (total("reference_audio") > max)
      problems.push(t("inputs.totalAudio", { seconds: total("reference_audio").toFixed(1), max }));
  }
  return { pending: mine.some((i) => i.state === "checking" || i.state === "uploading"), problems };
}
