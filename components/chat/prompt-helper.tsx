"use client";

import { SparklesIcon } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { useTranslations } from "use-intl";
import { Button, Spinner } from "@/components/ui";

export interface PromptHelperProps {
  value: string;
  onAccept: (text: string) => void;
  kind: "video" | "image" | "speech";
}

// The panel brings the chat client and the chat catalog (zod schemas) with it: loaded when opened.
const Panel = lazy(() => import("./prompt-helper-panel"));

/** "Improve this prompt": a button under the prompt that opens the helper panel. */
export function PromptHelper(props: PromptHelperProps) {
  const t = useTranslations("chat.helper");
  const [open, setOpen] = useState(false);
  const [model, setModel] = useState<string>();
  const { value } = props;
  if (!open) {
    return (
      <Button
        size="sm"
        variant="ghost"
        onClick={() => setOpen(true)}
        disabled={!value.trim()}
        title={value.trim() ? undefined : t("needDraft")}
        data-testid="prompt-helper-open"
        className="self-start text-accent-text"
      >
        <SparklesIcon />
        {t("open")}
      </Button>
    );
  }
  return (
    <Suspense fallback={<Spinner />}>
      <Panel {...props} model={model} onModel={setModel} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
