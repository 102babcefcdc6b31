import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EMULATOR_URL, STUDIO_URL } from "../../playwright.config";
import { firstRun } from "../../scripts/harness";
import { E2E_ADMIN, STORAGE_STATE, TOKEN_FILE } from "./auth-helpers";

/**
 * Each run starts with an empty emulator log (the servers are already up at this point), and one signed-in
 * admin: the browser tests use its cookie (storageState), the API tests its token.
 */
export default async function globalSetup() {
  await fetch(`${EMULATOR_URL}/__emulator/reset`, { method: "POST" });
  const { cookies, token } = await firstRun(STUDIO_URL, E2E_ADMIN);
  mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  const host = new URL(STUDIO_URL).hostname;
  const state = {
    cookies: cookies.map((c) => ({
      ...c,
      domain: host,
      path: "/",
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: "Lax" as const,
    })),
    origins: [],
  };
  writeFileSync(STORAGE_STATE, JSON.stringify(state));
  writeFileSync(TOKEN_FILE, token);
}
