"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { IntlProvider, type Messages } from "use-intl";
import type { Locale } from "@/lib/i18n/locales";
import { TeamEventsProvider } from "@/lib/client/team-events";

type ProvidersProps = {
  locale: Locale;
  messages: Messages;
  timeZone: string;
  children: ReactNode;
};

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server already retries TD reads; one more try here covers a blip between browser and studio.
        retry: 1,
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
      // A create spends the user's money: never repeat it behind their back.
      mutations: { retry: 0 },
    },
  });
}

export function Providers({ locale, messages, timeZone, children }: ProvidersProps) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      <QueryClientProvider client={queryClient}>
        <TeamEventsProvider>{children}</TeamEventsProvider>
      </QueryClientProvider>
    </IntlProvider>
  );
}
