// The prompt library's answers, without zod (the UI imports these). Request schemas: ./schema.ts.
export type { CreatePromptRequest, CreatePromptVersionRequest, UpdatePromptRequest } from "./schema";

export interface PromptVersionView {
  id: string;
  version: number;
  body: string;
  variables: Record<string, string[]>;
  notes?: string;
  source: "manual" | "improve";
  createdAt: string;
  /** How many generations used this version (the detail lists them under `generations`). */
  used: number;
}

export interface PromptView {
  id: string;
  name: string;
  tags: string[];
  notes?: string;
  /** The newest version. */
  latest: PromptVersionView;
  createdAt: string;
  updatedAt: string;
  versions?: PromptVersionView[];
  /** Which generations used which version, newest first (detail only, at most 100). */
  generations?: { id: string; versionId: string; version: number; model: string; status: string; createdAt: string }[];
}
