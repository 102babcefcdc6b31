// The chat models' TD codes, apart from the wire schemas (chat-schema.ts) so browser code can name them
// without loading zod.

export const GPT54_MODEL = "T0310001";
export const DEEPSEEK_V32_MODEL = "T0106004";
