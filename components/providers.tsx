"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
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
  // Effects run children first, so this one means the page has hydrated: what was clicked or typed from now on
  // reaches React. End-to-end tests wait for it instead of racing the hydration (and CSS may key off it).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
      <QueryClientProvider client={queryClient}>
        <TeamEventsProvider>{children}</TeamEventsProvider>
      </QueryClientProvider>
    </IntlProvider>
  );
}
