"use client";

import { lazy, Suspense, useState } from "react";
import { useTranslations } from "use-intl";
import { itemFromUrl, MediaInputField, type MediaInputs } from "@/components/inputs";
import { Button, Spinner } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import type { InputSpec } from "@/lib/catalog/types";
import type { SeedanceAssetView } from "@/lib/seedance/library";
import type { MentionStyle } from "./references";
import { tKey } from "@/lib/i18n/dynamic-key";

// The library panel (its list, upload and status polling) loads when someone opens it.
const SeedanceLibrary = lazy(() => import("./seedance-library").then((m) => ({ default: m.SeedanceLibrary })));

const TYPE_KIND = { Image: "image", Video: "video", Audio: "audio" } as const;

export interface VideoInputsProps {
  spec: ModeFormSpec;
  inputs: MediaInputs;
  mention?: MentionStyle;
  onInsert: (token: string) => void;
  /** Reference images moved (from → to) or removed (to undefined): renumber the prompt. */
  onReorderImages: (from: number, to: number | undefined) => void;
}

/** The inputs of the selected model in the selected mode, one field per documented role; Seedance adds its asset library. */
export function VideoInputs({ spec, inputs, mention, onInsert, onReorderImages }: VideoInputsProps) {
  const t = useTranslations("video");
  const ti = useTranslations("inputs");
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [notice, setNotice] = useState<string>();
  const seedance = spec.inputs.some((i) => i.transport.assetUri);
  const use = { model: spec.modelId, mode: spec.mode };
  if (spec.inputs.length === 0) return null;

  /** A library asset goes to the first role of its kind that has room. */
  const applyLibraryAsset = (a: SeedanceAssetView) => {
    const kind = TYPE_KIND[a.assetType as keyof typeof TYPE_KIND];
    const role = spec.inputs.find((s: InputSpec) => s.kind === kind && inputs.byRole(s.role).length < s.max);
    if (!role || !a.assetUri) return setNotice(t("library.full", { type: tKey(t, `library.types.${a.assetType}`) }));
    setNotice(undefined);
    inputs.addItem(itemFromUrl(a.assetUri, role.role, kind, a.name, a.previewUrl), role);
  };

  const kinds = new Set(spec.inputs.map((s) => s.kind));
  const usableTypes = (["Image", "Video", "Audio"] as const).filter((x) => kinds.has(TYPE_KIND[x]));

  return (
    <section aria-label={t("inputs.title")} className="flex flex-col gap-4">
      {spec.inputs.map((s) => (
        <MediaInputField
          key={s.role}
          spec={s}
          use={use}
          inputs={inputs}
          label={tKey(ti, `roles.${s.role}`)}
          numbered={s.max > 1}
          mention={s.role === "reference_image" ? mention?.token : undefined}
          onInsert={onInsert}
          onReorder={s.role === "reference_image" ? onReorderImages : undefined}
          extraSources={
            seedance && s.transport.assetUri ? (
              <Button size="sm" variant="ghost" onClick={() => setLibraryOpen(true)} aria-expanded={libraryOpen}>
                {t("library.open")}
              </Button>
            ) : undefined
          }
        />
      ))}
      {notice && (
        <p className="text-xs font-medium text-danger" role="alert">
          {notice}
        </p>
      )}
      {seedance && (
        <details
          open={libraryOpen}
          onToggle={(e) => setLibraryOpen((e.target as HTMLDetailsElement).open)}
          className="rounded-lg border border-border bg-surface-2/40 px-3 py-2"
          data-testid="library-panel"
        >
          <summary className="cursor-pointer text-[13px] font-medium text-fg">{t("library.title")}</summary>
          {libraryOpen && (
            <div className="pt-3">
              <Suspense fallback={<Spinner />}>
                <SeedanceLibrary onUse={applyLibraryAsset} usableTypes={usableTypes} />
              </Suspense>
            </div>
          )}
        </details>
      )}
    </section>
  );
}
