import type { ModelEntry, ModeSpec } from "@/lib/catalog";
import type { Status } from "../status";

export interface ResolvedInput {
  role: string;
  /** What the upstream gets: a public URL, a data: URL, or asset://ID. */
  ref: string;
  assetId?: string;
}

export interface SubmitArgs {
  model: ModelEntry;
  spec: ModeSpec;
  generationId: string;
  prompt?: string;
  params: Record<string, unknown>;
  inputs: ResolvedInput[];
  signal?: AbortSignal;
  /** Where TD should POST status changes (Ark callback_url), when the studio has a public address. */
  callbackUrl?: string;
  /** Awaited with each create attempt's requestId before it is sent (the record names it even if we die mid-call). */
  beforeSend?: (requestId: string) => Promise<void>;
}

export interface UpstreamOutput {
  url?: string;
  /** Inline bytes (synchronous TTS answers). */
  data?: Buffer;
  role: string;
  kind: "video" | "image" | "audio";
  mime: string;
  expiresAt?: Date;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface SubmitResult {
  upstreamTaskId?: string;
  requestIds: string[];
  /** Set when the upstream answered at once (synchronous families). */
  done?: PollResult;
  upstreamStatus?: string;
}

export interface PollResult {
  status: Status;
  upstreamStatus: string;
  progress?: number;
  outputs?: UpstreamOutput[];
  error?: { code: string; message: string };
  usage?: unknown;
  requestIds: string[];
}

/** What the engine needs from each protocol family. */
export interface FamilyAdapter {
  submit(a: SubmitArgs): Promise<SubmitResult>;
  poll(args: {
    model: ModelEntry;
    upstreamTaskId: string;
    signal?: AbortSignal;
    /** Awaited before each status call is sent (the global limiter). */
    beforeSend?: (requestId: string) => Promise<void>;
  }): Promise<PollResult>;
  cancel?(args: { model: ModelEntry; upstreamTaskId: string }): Promise<{ requestIds: string[] }>;
  /** TD calls a callback_url on status changes (Ark): the engine then polls only as a safety net. */
  callbacks?: boolean;
  /** The longest a create of this model can take, every retry included: until then an answer may still arrive. */
  maxSubmitMs(model: ModelEntry): number;
}
