import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E } from "../../playwright.config";

export const E2E_PASSWORD = "e2e-password-long";
export const E2E_ADMIN = { name: "E2E Admin", email: "admin@e2e.test", password: E2E_PASSWORD, teamName: "E2E" };

// Written by the global setup; playwright.config.ts names the same storage-state file (it cannot import this module).
export const STORAGE_STATE = path.join(E2E.dataDir, "auth", "storage-state.json");
export const TOKEN_FILE = path.join(E2E.dataDir, "auth", "token.txt");
export const adminToken = () => readFileSync(TOKEN_FILE, "utf8").trim();
