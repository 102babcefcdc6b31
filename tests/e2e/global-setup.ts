import { EMULATOR_URL } from "../../playwright.config";

/** Each run starts with an empty emulator log (the servers are already up at this point). */
export default async function globalSetup() {
  await fetch(`${EMULATOR_URL}/__emulator/reset`, { method: "POST" });
}
