// The REST shapes of /api/v1/prompts (issue 15), from the server's zod-free types.
export type { PromptVersionView, PromptView } from "@/lib/prompts/types";
