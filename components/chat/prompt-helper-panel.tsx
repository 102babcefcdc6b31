"use client";

import { SparklesIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { Button, Segmented, Textarea } from "@/components/ui";
import { chatModels } from "@/lib/catalog/chat-models";
import { streamCompletion } from "@/lib/chat/client";
import { cleanImproved, HELPER_MODELS, improveRequest, type PromptKind } from "@/lib/chat/prompt-helper";
import { useErrorText } from "@/lib/client/error-text";

export interface PromptHelperPanelProps {
  value: string;
  onAccept: (text: string) => void;
  kind: "video" | "image" | "speech";
  /** The model chosen last time the panel was open (kept while the page lives). */
  model: string | undefined;
  onModel: (id: string) => void;
  onClose: () => void;
}

type State =
  | { step: "idle" }
  | { step: "running"; text: string }
  | { step: "done"; text: string }
  | { step: "error"; message: string };

/**
 * The open "Improve this prompt" panel: sends the draft to a chat model (through the studio's own gateway)
 * with an instruction for the page's kind, streams the suggestion, and lets the person accept, edit or
 * discard it. Loaded when the person opens it (prompt-helper.tsx), so the pages do not carry the chat client.
 */
export default function PromptHelperPanel({ value, onAccept, kind, onModel, onClose, ...p }: PromptHelperPanelProps) {
  const t = useTranslations("chat.helper");
  const errorText = useErrorText();
  const locale = useLocale() as "zh" | "en";
  const model = p.model ?? HELPER_MODELS[0];
  const setModel = onModel;
  const [state, setState] = useState<State>({ step: "idle" });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ step: "running", text: "" });
    try {
      const r = await streamCompletion(improveRequest(kind as PromptKind, value, model), ctl.signal, (text) =>
        setState({ step: "running", text }),
      );
      const text = cleanImproved(r.text);
      setState(
        text
          ? { step: "done", text }
          : { step: "error", message: r.finishReason === "content_filter" ? t("filtered") : t("emptyAnswer") },
      );
    } catch (e) {
      if (ctl.signal.aborted) return setState({ step: "idle" });
      setState({ step: "error", message: errorText(e) });
    }
  };
  const close = () => {
    abort.current?.abort();
    setState({ step: "idle" });
    onClose();
  };

  return (
    <section
      aria-label={t("title")}
      className="flex flex-col gap-3 rounded-lg border border-accent/25 bg-accent/5 p-3"
      data-testid="prompt-helper"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="flex items-center gap-1.5 text-[13px] font-semibold text-fg">
          <SparklesIcon className="size-4 text-accent-text" />
          {t("title")}
        </h3>
        <Segmented
          legend={t("model")}
          value={model}
          onChange={setModel}
          disabled={state.step === "running"}
          options={HELPER_MODELS.map((id) => ({
            value: id,
            label:
              chatModels
                .find((m) => m.id === id)
                ?.name[locale].split(" · ")
                .pop() ?? id,
          }))}
        />
      </div>
      {state.step === "running" && (
        <p
          className="min-h-12 rounded-md bg-surface p-2 text-sm leading-6 whitespace-pre-wrap text-fg"
          aria-live="polite"
          data-testid="prompt-helper-live"
        >
          {state.text || <span className="text-muted">{t("working")}</span>}
        </p>
      )}
      {state.step === "done" && (
        <>
          <Textarea
            value={state.text}
            onChange={(e) => setState({ step: "done", text: e.target.value })}
            rows={5}
            aria-label={t("result")}
            data-testid="prompt-helper-result"
          />
          <p className="text-xs text-muted">{t("editHint")}</p>
        </>
      )}
      {state.step === "error" && (
        <p role="alert" className="text-sm text-danger">
          {t("failed", { message: state.message })}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" variant="ghost" onClick={close}>
          {state.step === "done" ? t("discard") : t("close")}
        </Button>
        {state.step === "running" ? (
          <Button size="sm" variant="secondary" onClick={() => abort.current?.abort()}>
            {t("stop")}
          </Button>
        ) : (
          <Button
            size="sm"
            variant={state.step === "done" ? "secondary" : "primary"}
            onClick={run}
            disabled={!value.trim()}
          >
            {state.step === "idle" ? t("improve") : t("again")}
          </Button>
        )}
        {state.step === "done" && (
          <Button
            size="sm"
            variant="primary"
            onClick={() => {
              onAccept(state.text);
              close();
            }}
            data-testid="prompt-helper-accept"
          >
            {t("accept")}
          </Button>
        )}
      </div>
    </section>
  );
}
