import type { ReactNode } from "react";
import { LogoMark } from "@/components/shell/brand";
import { LanguageSwitch } from "@/components/shell/language-switch";

/** The pages before the studio (setup, sign-in, invites): one centred card, language switch at hand. */
export function AuthFrame({
  title,
  description,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="flex items-center gap-2.5">
        <LogoMark className="size-9" />
        <span className="text-lg font-semibold tracking-tight text-fg">TD Studio</span>
      </div>
      <section className="w-full max-w-sm rounded-2xl border border-border bg-surface p-6 shadow-sm sm:p-7">
        <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
        {description && <p className="mt-1.5 text-sm leading-6 text-muted">{description}</p>}
        <div className="mt-6">{children}</div>
      </section>
      <LanguageSwitch className="w-48" />
    </main>
  );
}
