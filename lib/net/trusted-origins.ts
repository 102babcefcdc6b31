import "server-only";
import { config } from "@/lib/config";

/** Origins fetched despite the address guard: TD's own (the emulator in demo mode and tests) and the operator's list. */
export function trustedOrigins(): string[] {
  const c = config();
  return [new URL(c.TD_BASE_URL).origin, ...c.STUDIO_FETCH_ALLOW_ORIGINS];
}
