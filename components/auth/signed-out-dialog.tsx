"use client";

import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { SIGNED_OUT_EVENT } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { useCaller } from "./caller-context";

// Every page carries this dialog, few ever open it: the form loads when a 401 first opens it.
const AccountForm = lazy(() => import("./account-form").then((m) => ({ default: m.AccountForm })));

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
          <Suspense fallback={<Spinner className="mx-auto my-6 block" />}>
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
          </Suspense>
          <Button variant="ghost" className="mt-2 w-full" onClick={() => setOpen(false)}>
            {t("signedOut.dismiss")}
          </Button>
        </>
      )}
    </dialog>
  );
}
