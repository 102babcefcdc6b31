"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui";
import { SIGNED_OUT_EVENT } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { AccountForm } from "./account-form";
import { useCaller } from "./caller-context";

/**
 * When any request answers 401 (the session expired or was ended elsewhere), sign in again right here:
 * the page, its half-typed prompt and its drafts stay as they are.
 */
export function SignedOutDialog({ passwordMin = 10 }: { passwordMin?: number }) {
  const t = useTranslations("auth");
  const caller = useCaller();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const queries = useQueryClient();

  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(SIGNED_OUT_EVENT, show);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, show);
  }, []);
  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
    if (!open && el?.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      onClose={() => setOpen(false)}
      aria-labelledby="signed-out-title"
      data-testid="signed-out-dialog"
      className="m-auto w-[min(24rem,92vw)] rounded-2xl border border-border bg-surface p-6 text-fg shadow-xl backdrop:bg-overlay backdrop:backdrop-blur-[2px]"
    >
      {open && (
        <>
          <h2 id="signed-out-title" className="text-lg font-semibold">
            {t("signedOut.title")}
          </h2>
          <p className="mt-1.5 mb-5 text-sm leading-6 text-muted">{t("signedOut.description")}</p>
          <AccountForm
            fields={["email", "password"]}
            initial={{ email: caller?.user.email }}
            endpoint="/api/v1/auth/sign-in"
            submit={t("signIn.submit")}
            passwordMin={passwordMin}
            onDone={() => {
              setOpen(false);
              void queries.invalidateQueries();
            }}
          />
          <Button variant="ghost" className="mt-2 w-full" onClick={() => setOpen(false)}>
            {t("signedOut.dismiss")}
          </Button>
        </>
      )}
    </dialog>
  );
}
