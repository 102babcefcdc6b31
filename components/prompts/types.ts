// The REST shapes of /api/v1/prompts (issue 15) as the pages read them; types only.

export interface PromptVersionView {
  id: string;
  version: number;
  body: string;
  variables?: Record<string, string[]>;
  notes?: string | null;
  createdAt: string;
  createdBy?: { id: string; name: string } | null;
  /** How many generations used this version. */
  uses?: number;
}

export interface PromptView {
  id: string;
  name: string;
  tags: string[];
  notes?: string | null;
  createdAt: string;
  updatedAt?: string;
  latest?: PromptVersionView;
  versions?: PromptVersionView[];
}
