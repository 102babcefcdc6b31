"use client";

import type { ClipboardEvent, RefObject } from "react";
import { useTranslations } from "use-intl";
import { Field, Textarea } from "@/components/ui";
import type { ModeFormSpec } from "@/lib/catalog/form-spec";
import { checkPrompt } from "@/lib/catalog/prompt";
import type { MentionCheck } from "./references";

export interface PromptFieldProps {
  spec: ModeFormSpec;
  value: string;
  onChange: (v: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Reference mentions against the images given, when the model has a mention syntax. */
  mentions?: MentionCheck & { token: (n: number) => string };
  touched: boolean;
  serverError?: string;
  /** Files pasted into the prompt (e.g. a screenshot) go to the inputs. */
  onPasteFiles?: (files: File[]) => void;
}

/** The prompt: documented length budget, and reference mentions checked before sending. */
export function PromptField({
  spec,
  value,
  onChange,
  textareaRef,
  mentions,
  touched,
  serverError,
  onPasteFiles,
}: PromptFieldProps) {
  const t = useTranslations("video");
  const check = checkPrompt(spec.prompt, value);
  const limitText =
    "maxChars" in check.parts
      ? t("prompt.limitChars", { max: check.parts.maxChars })
      : t("prompt.limitCjk", { chinese: check.parts.maxChinese, other: check.parts.maxOther });
  const unlimited = "maxChars" in check.parts && !Number.isFinite(check.parts.maxChars);
  const missing = spec.prompt.required && !value.trim();
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length && onPasteFiles) {
      e.preventDefault();
      onPasteFiles(files);
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <Field
        label={t("prompt.label")}
        required={spec.prompt.required}
        aside={
          unlimited ? undefined : (
            <span className={check.over ? "font-medium text-danger" : undefined} data-testid="prompt-counter">
              {t("prompt.counter", { used: Math.round(check.used * 100) })} · {t("prompt.limit", { limit: limitText })}
            </span>
          )
        }
        hint={spec.prompt.required ? undefined : t("prompt.optional")}
        error={
          check.over ? t("prompt.over", { limit: limitText }) : touched && missing ? t("prompt.required") : serverError
        }
      >
        <Textarea
          ref={textareaRef}
          name="prompt"
          rows={6}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onPaste={onPaste}
          placeholder={mentions ? t("prompt.placeholderRefs", { token: mentions.token(1) }) : t("prompt.placeholder")}
        />
      </Field>
      {mentions && (mentions.unmentioned.length > 0 || mentions.dangling.length > 0) && (
        <ul className="flex flex-col gap-0.5 text-xs leading-5" data-testid="mention-flags">
          {mentions.dangling.length > 0 && (
            <li className="font-medium text-danger" role="alert">
              {t("mentions.dangling", { tokens: mentions.dangling.join(" "), count: mentions.dangling.length })}
            </li>
          )}
          {mentions.unmentioned.length > 0 && (
            <li className="text-warning">
              {t("mentions.unmentioned", {
                tokens: mentions.unmentioned.map(mentions.token).join(" "),
                count: mentions.unmentioned.length,
              })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
