"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { useTranslations } from "use-intl";
import type { StudioAsset } from "@/components/inputs/types";
import { Button } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import type { MediaKind } from "@/lib/catalog/types";
import { tKey } from "@/lib/i18n/dynamic-key";

// The picker (a dialog with its own queries) loads when it is first opened: the builder's first load stays small.
const AssetPicker = lazy(() => import("@/components/inputs/asset-picker").then((m) => ({ default: m.AssetPicker })));

/** Inputs every variant that takes them shares (one first frame for every image-to-video variant…), picked from the studio's assets. */
export function SharedInputs({
  specs,
  inputs,
  onChange,
}: {
  /** The specs of the chosen variants: the roles offered are theirs. */
  specs: ModeFormSpec[];
  inputs: { asset: StudioAsset; role: string }[];
  onChange: (inputs: { asset: StudioAsset; role: string }[]) => void;
}) {
  const t = useTranslations("experiments.builder");
  const ti = useTranslations("inputs");
  const [picking, setPicking] = useState<{ role: string; kind: MediaKind }>();
  const roles = new Map<string, { kind: MediaKind; max: number }>();
  for (const s of specs)
    for (const i of s.inputs) if (!roles.has(i.role)) roles.set(i.role, { kind: i.kind, max: i.max });
  const role = (r: string) => tKey(ti, `roles.${r}`, undefined, r);

  return (
    <div className="flex flex-col gap-3">
      {inputs.length > 0 && (
        <ul className="flex flex-wrap gap-2" data-testid="shared-inputs">
          {inputs.map((i, n) => (
            <li
              key={`${i.asset.id}-${i.role}`}
              className="flex items-center gap-2 rounded-lg border border-border bg-surface-2 p-1.5 pe-1 text-xs"
            >
              {i.asset.kind === "image" && i.asset.fileUrl ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={`/api/v1/assets/${i.asset.id}/thumbnail`} alt="" className="size-9 rounded object-cover" />
              ) : null}
              <span className="font-medium text-fg">{role(i.role)}</span>
              <Button
                size="icon"
                variant="ghost"
                className="size-7"
                aria-label={t("removeInput")}
                onClick={() => onChange(inputs.filter((_, k) => k !== n))}
              >
                <XIcon />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {roles.size === 0 && <p className="text-sm text-muted">{t("noInputs")}</p>}
      <div className="flex flex-wrap gap-2">
        {[...roles].map(([r, { kind, max }]) => (
          <Button
            key={r}
            size="sm"
            variant="secondary"
            disabled={inputs.filter((i) => i.role === r).length >= max}
            onClick={() => setPicking({ role: r, kind })}
          >
            <PlusIcon />
            {t("addInput", { role: role(r) })}
          </Button>
        ))}
      </div>
      {picking && (
        <Suspense>
          <AssetPicker
            open={!!picking}
            kind={picking?.kind ?? "image"}
            title={picking ? t("addInput", { role: role(picking.role) }) : ""}
            onClose={() => setPicking(undefined)}
            onPick={(asset) => {
              if (picking) onChange([...inputs, { asset, role: picking.role }]);
              setPicking(undefined);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
