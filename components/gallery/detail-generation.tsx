"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "use-intl";
import { ArchiveLine } from "@/components/generations/archive-line";
import { SpendLine } from "@/components/spend/spend-line";
import { api, type GenerationView } from "@/lib/client/api";
import { hasKey, tKey } from "@/lib/i18n/dynamic-key";
import type { GalleryItem } from "./types";

/**
 * The full generation in the detail view: every parameter (the seed among them) in the words of the studio's form,
 * when it finished and how long it took, what it spent, and where the file is — saved here, or still only on TD
 * with the countdown to TD's expiry.
 */
export function DetailGeneration({ item }: { item: GalleryItem }) {
  const t = useTranslations("gallery.detail.facts");
  const locale = useLocale();
  const tp = useTranslations(item.kind === "image" ? "image" : item.kind === "audio" ? "speech" : "video");
  const q = useQuery({
    queryKey: ["gallery-generation", item.generationId],
    enabled: !!item.generationId,
    queryFn: () => api<GenerationView>(`/api/v1/generations/${item.generationId}`),
  });
  const g = q.data;
  if (!g) return null;
  const asset = g.outputs.find((o) => o.assetId === item.assetId)?.asset;
  const params = Object.entries(g.params).filter(([, v]) => v !== null && v !== undefined && v !== "");
  const label = (k: string) => (hasKey(tp, `params.${k}`) ? tKey(tp, `params.${k}`) : k);
  const value = (k: string, v: unknown) =>
    k === "duration" && typeof v === "number"
      ? tKey(tp, "params.durationValue", { seconds: v }, String(v))
      : typeof v === "boolean"
        ? tKey(tp, v ? "params.on" : "params.off", undefined, String(v))
        : typeof v === "object"
          ? JSON.stringify(v)
          : String(v);
  const took = g.finishedAt
    ? Math.round((new Date(g.finishedAt).getTime() - new Date(g.submittedAt ?? g.createdAt).getTime()) / 1000)
    : null;
  return (
    <section className="flex flex-col gap-2" data-testid="detail-generation">
      {params.length > 0 && (
        <>
          <h3 className="text-xs font-medium text-muted">{t("settings")}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="detail-params">
            {params.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted">{label(k)}</dt>
                <dd className="break-all text-fg">{value(k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {g.finishedAt && (
        <p className="text-xs text-muted">
          {t("finished", {
            time: new Date(g.finishedAt).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB"),
            seconds: took ?? 0,
          })}
        </p>
      )}
      <SpendLine spend={g.spend} />
      {asset && <ArchiveLine asset={asset} />}
    </section>
  );
}
