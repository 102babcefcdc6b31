"use client";

import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useTranslations } from "@/lib/i18n/client";
import { useCaller } from "./caller-context";

// The sign-in form loads with the dialog.
const AccountForm = lazy(() => import("./account-form").then((m) => ({ default: m.AccountForm })));

/** The signed-out dialog itself (see signed-out-dialog.tsx): loaded when a 401 first opens it. */
export function SignedOutBody({ passwordMin, onClose }: { passwordMin: number; onClose: () => void }) {
  const t = useTranslations("auth");
  const caller = useCaller();
  const [open, setOpenState] = useState(true);
  const setOpen = (v: boolean) => {
    setOpenState(v);
    if (!v) onClose();
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const queries = useQueryClient();

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
