import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E } from "../../playwright.config";

export const E2E_PASSWORD = "e2e-password-long";
export const E2E_ADMIN = { name: "E2E Admin", email: "admin@e2e.test", password: E2E_PASSWORD, teamName: "E2E" };

export const STORAGE_STATE = path.join(E2E.dataDir, "auth", "storage-state.json");
export const adminToken = () => readFileSync(path.join(E2E.dataDir, "auth", "token.txt"), "utf8").trim();

function cookiesOf(res: Response): { name: string; value: string }[] {
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    return { name: pair.slice(0, i), value: pair.slice(i + 1) };
  });
}

/** First run on a fresh studio: the setup call, then an API token made with the new session. */
export async function signUpAdmin(base: string, who: typeof E2E_ADMIN) {
  const setup = await fetch(`${base}/api/v1/setup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(who) });
  if (!setup.ok) throw new Error(`setup failed: HTTP ${setup.status} ${await setup.text()}`);
  const cookies = cookiesOf(setup);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const made = await fetch(`${base}/api/v1/tokens`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify({ name: "e2e" }) });
  if (!made.ok) throw new Error(`token failed: HTTP ${made.status} ${await made.text()}`);
  const { token } = (await made.json()) as { token: string };
  return { cookies, cookie, token };
}
