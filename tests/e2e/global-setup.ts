import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { E2E, EMULATOR_URL, STUDIO_URL } from "../../playwright.config";
import { E2E_ADMIN, signUpAdmin } from "./auth-helpers";

/**
 * Each run starts with an empty emulator log (the servers are already up at this point), and one signed-in
 * admin: the browser tests use its cookie (storageState), the API tests its token.
 */
export default async function globalSetup() {
  await fetch(`${EMULATOR_URL}/__emulator/reset`, { method: "POST" });
  const { cookies, token } = await signUpAdmin(STUDIO_URL, E2E_ADMIN);
  const dir = path.join(E2E.dataDir, "auth");
  mkdirSync(dir, { recursive: true });
  const host = new URL(STUDIO_URL).hostname;
  const state = { cookies: cookies.map((c) => ({ ...c, domain: host, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const })), origins: [] };
  writeFileSync(path.join(dir, "storage-state.json"), JSON.stringify(state));
  writeFileSync(path.join(dir, "token.txt"), token);
}
