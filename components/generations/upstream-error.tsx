"use client";

import { useTranslations } from "use-intl";
import { knownError } from "./generation-card";
import { upstreamErrorText } from "./upstream-text";

/** The error box of the Image and Speech cards: what happened in plain words, TD's own words, the code and request id for support. */
export function UpstreamError({ code, message, requestIds }: { code: string; message: string; requestIds: string[] }) {
  const t = useTranslations("generation");
  const tu = useTranslations("upstream");
  const plain = knownError(t, code) ?? upstreamErrorText(tu, code);
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/25 bg-danger/5 p-2.5 text-xs leading-5"
      data-testid="generation-error"
    >
      <p className="font-medium text-danger">{t("error.title")}</p>
      <p className="text-fg">{plain ?? message}</p>
      {plain && message && <p className="mt-0.5 break-words text-muted">{tu("said", { message })}</p>}
      <p className="mt-1 text-muted">
        {t("error.code", { code })}
        {requestIds.length ? <> · {t("error.requestId", { id: requestIds[requestIds.length - 1] })}</> : null}
      </p>
    </div>
  );
}
