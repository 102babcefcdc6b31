// The REST shapes of /api/v1/prompts (issue 15) as the pages read them; mirrors lib/prompts/types.ts of the
// server half (h-exp-api). Types only.

export interface PromptVersionView {
  id: string;
  version: number;
  body: string;
  variables: Record<string, string[]>;
  note?: string;
  source: "manual" | "improve";
  createdAt: string;
  /** How many generations used this version. */
  used: number;
}

export interface PromptView {
  id: string;
  name: string;
  tags: string[];
  notes?: string;
  latest: number;
  createdAt: string;
  updatedAt: string;
  current: PromptVersionView;
  versions?: PromptVersionView[];
  generations?: { id: string; versionId: string; version: number; model: string; status: string; createdAt: string }[];
}
