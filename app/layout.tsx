import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { BootScript } from "@/components/shell/boot-script";
import { THEME_COOKIE, isTheme } from "@/components/shell/theme";
import { HTML_LANG } from "@/lib/i18n/locales";
import { getMessages } from "@/lib/i18n/messages";
import { getLocale, getT, getTimeZone } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("shell");
  return {
    title: { default: "TD Studio", template: "%s · TD Studio" },
    description: t("metaDescription"),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0c0c0f" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const timeZone = await getTimeZone();
  const saved = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = isTheme(saved) ? saved : "system";
  const nonce = (await headers()).get("x-nonce") ?? undefined;

  return (
    // The boot script may change class and data-theme before hydration; that difference is expected.
    <html
      lang={HTML_LANG[locale]}
      className={theme === "dark" ? "dark" : undefined}
      data-theme={theme}
      suppressHydrationWarning
    >
      <head>
        <BootScript nonce={nonce} />
      </head>
      <body>
        <Providers locale={locale} messages={getMessages(locale)} timeZone={timeZone}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
