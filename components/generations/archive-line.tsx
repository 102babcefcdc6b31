"use client";

import { useTranslations } from "use-intl";
import type { GenerationView } from "@/lib/client/api";
import { useNow } from "@/lib/client/use-now";

/** Where an output's file is: saved here, being saved, or only on TD with the countdown to TD's expiry. */
export function ArchiveLine({ asset }: { asset: GenerationView["outputs"][number]["asset"] }) {
  const t = useTranslations("generation");
  const now = useNow(asset.archiveState !== "archived", 30_000);
  if (asset.archiveState === "archived")
    return (
      <p className="text-xs text-success" data-testid="archive-state">
        {t("archive.archived")}
      </p>
    );
  if (asset.archiveState === "archiving")
    return (
      <p className="text-xs text-muted" data-testid="archive-state">
        {t("archive.archiving")}
      </p>
    );
  const left = asset.upstreamExpiresAt ? Math.max(0, new Date(asset.upstreamExpiresAt).getTime() - now) : undefined;
  const countdown =
    left !== undefined
      ? t("expiresIn", { hours: Math.floor(left / 3600_000), minutes: Math.floor((left % 3600_000) / 60_000) })
      : "—";
  if (asset.archiveState === "failed") {
    const final = asset.archiveError?.includes("no more retries");
    return (
      <p className="text-xs text-warning" role="status" data-testid="archive-state">
        {final
          ? t("archive.failedFinal", { reason: asset.archiveError ?? "" })
          : `${t("archive.failed", { reason: asset.archiveError ?? "" })} · ${t("archive.retrying")}`}{" "}
        · {t("archive.temporary", { countdown })}
      </p>
    );
  }
  return (
    <p className="text-xs text-muted" data-testid="archive-state">
      {t("archive.temporary", { countdown })}
    </p>
  );
}
