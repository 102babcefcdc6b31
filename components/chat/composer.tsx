"use client";

import { ArrowUpIcon, PaperclipIcon, SquareIcon } from "lucide-react";
import { Suspense, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
// Straight from the modules, not the `@/components/inputs` index, which would bring the input fields along.
import { AssetPicker } from "@/components/inputs/lazy-asset-picker";
import type { StudioAsset } from "@/components/inputs/types";
import { itemFromAsset, type MediaInputs } from "@/components/inputs/use-media-inputs";
import { lazyPart, moduleLoader, useModuleWhen, usePreloadWhenIdle } from "@/lib/client/lazy";
import { Button, cn, Spinner, Textarea } from "@/components/ui";
import { checkPrompt } from "@/lib/catalog/prompt";
import type { InputSpec, PromptSpec } from "@/lib/catalog/types";
import { CanCreate } from "@/components/auth/can-create";
import type { IMAGE_DETAILS } from "@/lib/catalog/limits";

// Attachment chips and their limit checks are needed only once something is attached: their code loads when the
// page is idle (and at the latest with the first attachment, which counts as "still checking" until it is there).
const Chip = lazyPart(() => import("@/components/inputs/media-chip").then((m) => m.MediaChip));
const Options = lazyPart(() => import("./attachment-options").then((m) => m.AttachmentOptionsRow));
const loadLimits = moduleLoader(() => import("@/components/inputs/limits"));

export interface AttachmentOptions {
  detail?: (typeof IMAGE_DETAILS)[number];
  fps: number;
}

export interface ComposerProps {
  model: string;
  value: string;
  onChange: (v: string) => void;
  inputs: MediaInputs;
  /** The model's image and video roles; empty for a text-only model. */
  roles: InputSpec[];
  prompt: PromptSpec;
  options: AttachmentOptions;
  onOptions: (o: AttachmentOptions) => void;
  streaming: boolean;
  stopping: boolean;
  onSend: () => void;
  onStop: () => void;
  error?: string;
}

/** The question box: text, attachments (upload, paste, drop, or any studio asset), Send / Stop. */
export function Composer({
  model,
  value,
  onChange,
  inputs,
  roles,
  prompt,
  options,
  onOptions,
  streaming,
  stopping,
  onSend,
  onStop,
  error,
}: ComposerProps) {
  const t = useTranslations("chat.composer");
  const ti = useTranslations("inputs");
  usePreloadWhenIdle(Chip.preload, Options.preload, loadLimits);
  const fileRef = useRef<HTMLInputElement>(null);
  const [picker, setPicker] = useState<"image" | "video" | null>(null);
  const [menu, setMenu] = useState(false);
  const [notice, setNotice] = useState<string>();
  const use = { model, mode: "chat" };
  const specFor = (kind: string) => roles.find((r) => r.kind === kind);
  const multimodal = roles.length > 0;

  const check = checkPrompt(prompt, value);
  const items = inputs.items;
  const limitsModule = useModuleWhen(loadLimits, items.length > 0);
  const limits = useMemo(() => limitsModule?.makeLimitText(ti), [limitsModule, ti]);
  const problems = items.map((i) =>
    !specFor(i.kind) ? [t("textOnly")] : limits ? limits.problems(i, specFor(i.kind)!) : [],
  );
  const counts = (
    limits ? roles.map((r) => limits.count(items.filter((i) => i.role === r.role).length, r)) : []
  ).filter(Boolean) as string[];
  const pending = items.some((i) => i.state === "checking" || i.state === "uploading") || (items.length > 0 && !limits);
  const broken =
    problems.some((p) => p.length > 0) ||
    items.some((i) => i.state === "rejected" || i.state === "failed") ||
    counts.length > 0;
  const empty = !value.trim() && items.length === 0;
  const blocked = streaming || empty || pending || broken || check.over;

  const addFiles = async (files: File[]) => {
    setNotice(undefined);
    if (!multimodal) return setNotice(t("textOnly"));
    for (const kind of ["image", "video"] as const) {
      const spec = specFor(kind);
      const mine = files.filter((f) => f.type.startsWith(`${kind}/`));
      if (!mine.length || !spec) continue;
      const r = await inputs.addFiles(mine, spec, use);
      if (r.overCount.length) setNotice(t("overCount", { names: r.overCount.join(", "), max: spec.max }));
    }
    const other = files.filter((f) => !/^(image|video)\//.test(f.type));
    if (other.length) setNotice(t("unsupported", { names: other.map((f) => f.name).join(", ") }));
  };
  const pick = (a: StudioAsset) => {
    const spec = specFor(a.kind);
    setPicker(null);
    if (!spec) return;
    const r = inputs.addItem(itemFromAsset(a, spec.role), spec);
    if (r.overCount.length) setNotice(t("overCount", { names: r.overCount.join(", "), max: spec.max }));
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter breaks the line; never while an IME (pinyin) is composing.
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      if (!blocked) onSend();
    }
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length) {
      e.preventDefault();
      void addFiles(files);
    }
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    void addFiles([...e.dataTransfer.files]);
  };
  const hasImages = items.some((i) => i.kind === "image");
  const hasVideos = items.some((i) => i.kind === "video");

  return (
    <div className="flex flex-col gap-2" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      {items.length > 0 && (
        <div className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-2">
          <Suspense fallback={<Spinner size="sm" />}>
            <ul className="grid gap-2 sm:grid-cols-2" aria-label={t("attachments")} data-testid="composer-attachments">
              {items.map((item, i) => (
                <Chip.Part
                  key={item.key}
                  item={item}
                  problems={problems[i]}
                  onRemove={() => inputs.remove(item.key)}
                  onRetry={
                    limits && item.state === "rejected" && !problems[i].length
                      ? () => inputs.retry(item, use)
                      : undefined
                  }
                />
              ))}
            </ul>
          </Suspense>
          {counts.map((c) => (
            <p key={c} role="alert" className="text-xs text-danger">
              {c}
            </p>
          ))}
          {(hasImages || hasVideos) && (
            <Suspense fallback={null}>
              <Options.Part hasImages={hasImages} hasVideos={hasVideos} options={options} onOptions={onOptions} />
            </Suspense>
          )}
        </div>
      )}
      <div
        className={cn(
          "rounded-xl border bg-surface shadow-xs focus-within:border-accent focus-within:outline-3 focus-within:outline-accent/20",
          check.over ? "border-danger" : "border-border",
        )}
      >
        <Textarea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKey}
          onPaste={onPaste}
          rows={2}
          placeholder={multimodal ? t("placeholderMedia") : t("placeholder")}
          aria-label={t("label")}
          className="max-h-60 min-h-14 resize-none! border-0! bg-transparent! shadow-none! focus-visible:outline-0!"
          data-testid="composer-input"
        />
        <div className="flex items-center gap-2 px-2 pb-2">
          <div className="relative" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setMenu(false)}>
            <Button
              size="icon"
              variant="ghost"
              aria-label={t("attach")}
              title={multimodal ? t("attach") : t("textOnly")}
              aria-expanded={menu}
              onClick={() => setMenu((m) => !m)}
              disabled={!multimodal}
            >
              <PaperclipIcon />
            </Button>
            {menu && (
              <div
                className="absolute start-0 bottom-10 z-20 flex w-56 flex-col rounded-lg border border-border bg-surface p-1 shadow-lg"
                role="menu"
                onKeyDown={(e) => e.key === "Escape" && setMenu(false)}
              >
                <MenuItem
                  onClick={() => {
                    setMenu(false);
                    fileRef.current?.click();
                  }}
                >
                  {t("upload")}
                </MenuItem>
                <MenuItem
                  onClick={() => {
                    setMenu(false);
                    setPicker("image");
                  }}
                >
                  {t("studioImage")}
                </MenuItem>
                <MenuItem
                  onClick={() => {
                    setMenu(false);
                    setPicker("video");
                  }}
                >
                  {t("studioVideo")}
                </MenuItem>
              </div>
            )}
          </div>
          <input
            ref={fileRef}
            type="file"
            accept="image/*,video/*"
            multiple
            hidden
            onChange={(e) => {
              void addFiles([...(e.target.files ?? [])]);
              e.target.value = "";
            }}
            data-testid="composer-file"
          />
          <span className={cn("me-auto text-xs tabular-nums", check.over ? "font-medium text-danger" : "text-muted")}>
            {check.over
              ? t("over", { max: "maxChars" in check.parts ? check.parts.maxChars : 0 })
              : streaming
                ? ""
                : t("hint")}
          </span>
          {streaming ? (
            <Button variant="secondary" size="sm" onClick={onStop} loading={stopping} data-testid="stop">
              <SquareIcon fill="currentColor" className="size-[0.6em]" />
              {t("stop")}
            </Button>
          ) : (
            <CanCreate permission="chat:use">
              <Button variant="primary" size="sm" onClick={onSend} disabled={blocked} data-testid="send">
                <ArrowUpIcon />
                {t("send")}
              </Button>
            </CanCreate>
          )}
        </div>
      </div>
      {(notice || error) && (
        <p role="alert" className="text-xs text-danger" data-testid="composer-error">
          {error ?? notice}
        </p>
      )}
      <AssetPicker
        open={picker !== null}
        kind={picker ?? "image"}
        title={picker === "video" ? t("studioVideo") : t("studioImage")}
        onClose={() => setPicker(null)}
        onPick={pick}
      />
      {!multimodal && items.length > 0 && <p className="text-xs text-warning">{t("textOnly")}</p>}
      <span className="sr-only" aria-live="polite">
        {pending ? t("uploading") : ""}
      </span>
    </div>
  );
}

function MenuItem({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      role="menuitem"
      onClick={onClick}
      className="rounded-md px-3 py-2 text-start text-sm text-fg hover:bg-surface-2 focus-visible:bg-surface-2"
    >
      {children}
    </button>
  );
}
