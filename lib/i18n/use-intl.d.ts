// Typed keys for t("…") on both server and client: a typo or a missing key fails `tsc`.
import type { Messages } from "@/messages";
import type { Locale } from "./locales";

declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
