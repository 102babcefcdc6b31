"use client";

import { useTranslations } from "use-intl";
import { Input } from "@/components/ui/input";
import { Segmented } from "@/components/ui/segmented";
import { DEEPSEEK_LIMITS, IMAGE_DETAILS } from "@/lib/catalog/limits";
import { tKey } from "@/lib/i18n/dynamic-key";
import type { AttachmentOptions } from "./composer";

/** Image detail and video frame rate, under the attachments: loaded with the first attachment. */
export function AttachmentOptionsRow({
  hasImages,
  hasVideos,
  options,
  onOptions,
}: {
  hasImages: boolean;
  hasVideos: boolean;
  options: AttachmentOptions;
  onOptions: (o: AttachmentOptions) => void;
}) {
  const t = useTranslations("chat.composer");
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-1 text-xs text-muted">
      {hasImages && (
        <span className="flex items-center gap-2">
          {t("detail")}
          <Segmented
            legend={t("detail")}
            value={options.detail ?? "default"}
            onChange={(v) =>
              onOptions({
                ...options,
                detail: v === "default" ? undefined : (v as AttachmentOptions["detail"]),
              })
            }
            options={[
              { value: "default", label: t("detailDefault") },
              ...IMAGE_DETAILS.map((d) => ({ value: d, label: tKey(t, `details.${d}`) })),
            ]}
          />
        </span>
      )}
      {hasVideos && (
        <label className="flex items-center gap-2">
          {t("fps")}
          <Input
            type="number"
            min={DEEPSEEK_LIMITS.fpsMin}
            max={DEEPSEEK_LIMITS.fpsMax}
            step={0.1}
            value={options.fps}
            onChange={(e) => onOptions({ ...options, fps: Number(e.target.value) })}
            className="h-7 w-20"
            aria-invalid={
              !(options.fps >= DEEPSEEK_LIMITS.fpsMin && options.fps <= DEEPSEEK_LIMITS.fpsMax) || undefined
            }
          />
          <span>{t("fpsRange", { min: DEEPSEEK_LIMITS.fpsMin, max: DEEPSEEK_LIMITS.fpsMax })}</span>
        </label>
      )}
    </div>
  );
}
