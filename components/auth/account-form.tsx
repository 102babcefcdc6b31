"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Button, Field, Input } from "@/components/ui";
import { api, ApiError } from "@/lib/client/api";
import { useTranslations } from "@/lib/i18n/client";
import { useErrorText } from "@/lib/client/error-text";

export type AccountField = "name" | "email" | "password" | "newPassword" | "teamName";

const AUTOCOMPLETE: Record<AccountField, string> = {
  name: "name",
  email: "email",
  password: "current-password",
  newPassword: "new-password",
  teamName: "organization",
};

type Props = {
  fields: AccountField[];
  endpoint: string;
  submit: ReactNode;
  initial?: Partial<Record<AccountField, string>>;
  passwordMin: number;
  onDone: () => void;
};

/**
 * The one form behind setup, sign-in, sign-up and invites: labelled fields, the server's message shown
 * under the field it names, a wait shown when sign-in is rate limited.
 */
export function AccountForm({ fields, endpoint, submit, initial, passwordMin, onDone }: Props) {
  const t = useTranslations("auth");
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...initial }));
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = Object.fromEntries(fields.map((f) => [f === "newPassword" ? "password" : f, values[f] ?? ""]));
    try {
      await api(endpoint, { method: "POST", json: body });
      onDone();
    } catch (err) {
      const a = err instanceof ApiError ? err : new ApiError(0, "network", String(err));
      const seconds = a.status === 429 ? Number(a.details.retryAfter ?? 0) : 0;
      const message =
        a.status === 429 ? t("signIn.tooMany", { seconds }) : a.status === 401 ? t("signIn.wrong") : errorText(a);
      setError({ field: a.field === "password" && fields.includes("newPassword") ? "newPassword" : a.field, message });
      setBusy(false);
    }
  }

  const label = (f: AccountField) => (f === "teamName" ? t("teamName") : f === "newPassword" ? t("password") : t(f));
  const fieldError = (f: AccountField) => (error && error.field === f ? error.message : undefined);
  const generalError = error && !fields.includes(error.field as AccountField) ? error.message : undefined;

  return (
    <form onSubmit={send} className="flex flex-col gap-4" noValidate>
      {fields.map((f) => (
        <Field
          key={f}
          label={label(f)}
          required
          error={fieldError(f)}
          hint={
            f === "newPassword"
              ? t("passwordHint", { min: passwordMin })
              : f === "teamName"
                ? t("teamNameHint")
                : undefined
          }
        >
          <Input
            name={f}
            type={f === "email" ? "email" : f === "password" || f === "newPassword" ? "password" : "text"}
            autoComplete={AUTOCOMPLETE[f]}
            minLength={f === "newPassword" ? passwordMin : undefined}
            value={values[f] ?? ""}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            autoFocus={f === fields[0]}
          />
        </Field>
      ))}
      {generalError && (
        <p role="alert" className="rounded-lg border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">
          {generalError}
        </p>
      )}
      <Button type="submit" variant="primary" size="lg" loading={busy} className="w-full">
        {submit}
      </Button>
    </form>
  );
}
