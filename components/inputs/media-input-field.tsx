"use client";

import { LayoutGridIcon } from "lucide-react";
import { useId, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { Badge, Button, cn, Input } from "@/components/ui";
import type { InputSpec } from "@/lib/catalog/types";
import { AssetPicker } from "./lazy-asset-picker";
import { useLimitText } from "./limits";
import { MediaChip } from "./media-chip";
import type { IntendedUse, MediaItem, StudioAsset } from "./types";
import { itemFromAsset, type AddResult, type MediaInputs } from "./use-media-inputs";
import { tKey } from "@/lib/i18n/dynamic-key";

export interface MediaInputFieldProps {
  /** The role as the catalog documents it: kind, how many, limits. */
  spec: InputSpec;
  /** The model and mode the files are for: uploads are checked against them at once. */
  use: IntendedUse;
  /** The form's inputs (useMediaInputs()); this field shows and edits those of `spec.role`. */
  inputs: MediaInputs;
  label: ReactNode;
  /** Show numbers on the chips (media order, e.g. reference images). */
  numbered?: boolean;
  /** The prompt token of the n-th item (1-based), e.g. n => `[Image ${n}]`; chips then insert it when clicked. */
  mention?: (n: number) => string;
  onInsert?: (token: string) => void;
  /** Told after the user moved (from → to, 0-based) or removed (to = undefined) an item, e.g. to renumber the prompt. */
  onReorder?: (from: number, to: number | undefined) => void;
  /** More ways in, next to "from the studio" (e.g. the Seedance asset library). */
  extraSources?: ReactNode;
}

/**
 * One input role of a generation form: drop, paste, choose a file, paste a URL, or pick anything already in
 * the studio. Each file is checked in the browser as soon as it is chosen (the message names the limit),
 * then uploaded for the studio to check again. Reusable by every page that takes media inputs.
 */
export function MediaInputField({
  spec,
  use,
  inputs,
  label,
  numbered,
  mention,
  onInsert,
  onReorder,
  extraSources,
}: MediaInputFieldProps) {
  const t = useTranslations("inputs");
  const limits = useLimitText();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [dragging, setDragging] = useState(false);
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<string>();
  const items = inputs.byRole(spec.role);
  const full = items.length >= spec.max;
  const countProblem = items.length > spec.max ? limits.count(items.length, spec) : undefined;

  const report = (r: AddResult) =>
    setNotice(
      r.overCount.length
        ? t("count.refused", { names: r.overCount.join(", "), role: tKey(t, `roles.${spec.role}`), max: spec.max })
        : undefined,
    );
  const addFiles = async (files: File[]) => {
    if (files.length) report(await inputs.addFiles(files, spec, use));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  };
  const addUrl = async () => {
    const v = url.trim();
    if (!/^https?:\/\/\S+$/i.test(v)) return setNotice(t("url.invalid"));
    setUrl("");
    report(await inputs.addUrl(v, spec, use));
  };
  const pick = (a: StudioAsset) => {
    setPicking(false);
    report(inputs.addItem(itemFromAsset(a, spec.role), spec));
  };
  const move = (item: MediaItem, from: number, delta: number) => {
    inputs.move(item.key, delta);
    onReorder?.(from, from + delta);
  };

  return (
    <section className="flex flex-col gap-2" aria-labelledby={`${id}-label`} data-testid={`input-${spec.role}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={`${id}-label`} className="text-[13px] font-medium text-fg">
          {label}
          {spec.min > 0 && (
            <span aria-hidden="true" className="ms-0.5 text-danger">
              *
            </span>
          )}
        </h3>
        <Badge tone={countProblem ? "danger" : "neutral"} className="h-5 px-2 text-[11px] tabular-nums">
          {spec.min === spec.max
            ? t("count.badgeExact", { n: items.length, max: spec.max })
            : t("count.badge", { n: items.length, min: spec.min, max: spec.max })}
        </Badge>
      </div>
      <p className="text-xs leading-5 text-muted">{limits.summary(spec)}</p>

      {items.length > 0 && (
        <ol className="flex flex-col gap-2" aria-label={typeof label === "string" ? label : undefined}>
          {items.map((item, i) => (
            <MediaChip
              key={item.key}
              item={item}
              number={numbered ? i + 1 : undefined}
              mention={mention?.(i + 1)}
              onInsert={mention && onInsert ? () => onInsert(mention(i + 1)) : undefined}
              onMoveUp={numbered && i > 0 ? () => move(item, i, -1) : undefined}
              onMoveDown={numbered && i < items.length - 1 ? () => move(item, i, 1) : undefined}
              onRemove={() => {
                inputs.remove(item.key);
                onReorder?.(i, undefined);
                setNotice(undefined);
              }}
              onRetry={() => inputs.retry(item, use)}
              problems={limits.problems(item, spec)}
            />
          ))}
        </ol>
      )}
      {countProblem && (
        <p className="text-xs font-medium text-danger" role="alert">
          {countProblem}
        </p>
      )}

      {!full && (
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          onPaste={(e) => {
            const files = [...e.clipboardData.files];
            if (files.length) {
              e.preventDefault();
              void addFiles(files);
            }
          }}
          className={cn(
            "flex flex-col gap-2 rounded-lg border border-dashed p-3 transition-colors",
            dragging ? "border-accent bg-accent/5" : "border-border-strong/60 bg-surface-2/40",
          )}
          data-testid="dropzone"
        >
          <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <Button size="sm" variant="secondary" onClick={() => fileRef.current?.click()}>
              {t("choose")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setPicking(true)}>
              <LayoutGridIcon />
              {t("fromStudio")}
            </Button>
            {extraSources}
            <span className="hidden sm:inline">{t("dropHint")}</span>
          </div>
          <input
            ref={fileRef}
            type="file"
            className="sr-only"
            tabIndex={-1}
            aria-label={t("chooseFor", { role: tKey(t, `roles.${spec.role}`) })}
            accept={(spec.limits?.mimes ?? [`${spec.kind}/*`]).join(",")}
            multiple={spec.max - items.length > 1}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              void addFiles(files);
            }}
          />
          <div className="flex gap-2">
            <Input
              type="url"
              inputMode="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void addUrl();
                }
              }}
              placeholder={t("url.placeholder")}
              aria-label={t("url.label", { role: tKey(t, `roles.${spec.role}`) })}
              className="h-8 min-w-0 flex-1 text-xs"
            />
            <Button size="sm" variant="secondary" onClick={addUrl} disabled={!url.trim()}>
              {t("url.add")}
            </Button>
          </div>
        </div>
      )}
      {notice && (
        <p className="text-xs font-medium text-danger" role="alert" data-testid="input-notice">
          {notice}
        </p>
      )}
      <AssetPicker
        open={picking}
        kind={spec.kind}
        title={t("picker.title", { role: tKey(t, `roles.${spec.role}`) })}
        onClose={() => setPicking(false)}
        onPick={pick}
      />
    </section>
  );
}
