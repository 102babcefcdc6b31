import type { IncomingMessage, ServerResponse } from "node:http";

export type EmuFamily = "chat" | "dashscope" | "ark" | "vod" | "files" | "admin";

export const FAULTS = [
  "failed",
  "429",
  "500",
  "hang",
  "drop",
  "malformed",
  "download",
  "sensitive",
  "content_filter",
] as const;
export type Fault = (typeof FAULTS)[number];

export interface EmulatorOptions {
  port: number;
  host: string;
  /** Accepted Bearer key; when empty, any non-empty key is accepted. */
  apiKey: string;
  /** Base URL the emulator puts into output links (defaults to http://host:port). */
  publicUrl?: string;
  /** A task's total run time in seconds (queued part included). */
  taskSeconds: number;
  /** Output URL lifetime in seconds (TD: 24 h). */
  outputTtlSeconds: number;
  /** Random fault rate 0..1 applied to every API request. */
  faultRate: number;
  /** How long a "hang" fault holds the connection before closing it. */
  hangMs: number;
  /** Delay between streamed chat chunks. */
  chatChunkMs: number;
  /** Delay before a chat answer starts (first byte). */
  chatFirstTokenMs: number;
  /** Secret for output URL signatures. */
  secret: string;
  quiet?: boolean;
}

export interface LoggedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  family: EmuFamily;
  /** e.g. "create", "get", "cancel", "tts", "chat", "asset.create" */
  op?: string;
  model?: string;
  taskId?: string;
  status?: number;
  fault?: Fault;
  requestId?: string;
}

export interface EmuRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Parsed JSON body (undefined when empty); a body that is not JSON is answered with 400 before handlers run. */
  body: unknown;
  log: LoggedRequest;
}

export interface Route {
  method: string;
  pattern: RegExp;
  family: EmuFamily;
  /** Header rules: every API route needs auth + X-Timestamp; VOD creates need X-TC-Action. */
  auth: boolean;
  handler: (r: EmuRequest) => Promise<void> | void;
}
