import "server-only";
import { db } from "@/lib/db";
import { settleChatMessage } from "@/lib/spend/ledger";
import { extractUpstreamError } from "@/lib/td/errors";
import { isDone, SseParser } from "@/lib/td/sse";
import type { StoredUsage } from "./conversations";
import { errorKind, streamError } from "./errors";
import type { RelayOutcome, RelayTap } from "./relay";
import { addUsage, usageFromWire, type MessageError, type UsageView } from "./types";

// Watches the bytes the relay forwards and keeps the assistant message up to date in the database: a save
// at most every second while it streams (a crash loses at most a second), and a last one at the end —
// with the partial answer kept when the person stops, the client goes away or TD breaks off.

const SAVE_EVERY_MS = 1000;

interface Delta {
  content?: string | null;
  reasoning_content?: string | null;
}

export interface RecorderInit {
  messageId: string;
  requestId: string;
  /** Continuation: the answer so far, which the stream goes on from. */
  prefix?: string;
  /** Continuation: what the earlier calls for this answer already used. */
  usageBefore?: UsageView;
  reasoningBefore?: string;
}

export class TurnRecorder implements RelayTap {
  content: string;
  reasoning = "";
  finishReason: string | undefined;
  usage: UsageView | undefined;
  error: MessageError | undefined;
  private sawDone = false;
  private badChunk: string | undefined;
  private readonly parser: SseParser;
  private lastSave = 0;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly init: RecorderInit) {
    this.content = init.prefix ?? "";
    this.parser = new SseParser((data) => this.event(data));
  }

  chunk(bytes: Uint8Array): void {
    try {
      this.parser.feed(bytes);
    } catch (e) {
      this.badChunk ??= (e as Error).message;
    }
    this.dirty = true;
    if (!this.timer)
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastSave + SAVE_EVERY_MS - Date.now()));
  }

  private event(data: string): void {
    if (isDone(data)) {
      this.sawDone = true;
      return;
    }
    let json: {
      choices?: { delta?: Delta; finish_reason?: string | null }[];
      usage?: Parameters<typeof usageFromWire>[0];
      error?: unknown;
    };
    try {
      json = JSON.parse(data);
    } catch {
      this.badChunk ??= `a stream chunk is not JSON: ${data.slice(0, 120)}`;
      return;
    }
    if (json.error) {
      const e = extractUpstreamError(json);
      if (e)
        this.error = {
          kind: errorKind({ kind: "upstream", code: e.code }),
          code: e.code,
          message: e.message,
          requestId: this.init.requestId,
        };
      return;
    }
    const choice = json.choices?.[0];
    if (choice?.delta?.content) this.content += choice.delta.content;
    if (choice?.delta?.reasoning_content) this.reasoning += choice.delta.reasoning_content;
    if (choice?.finish_reason) this.finishReason = choice.finish_reason;
    const u = usageFromWire(json.usage);
    if (u) this.usage = u;
  }

  private flush() {
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    this.lastSave = Date.now();
    this.saving = this.saving
      .then(() => this.save(false))
      .catch((e) => console.error("[chat] saving a partial answer failed", e));
  }

  /** The last save, whatever ended the stream; returns the message as the UI should now show it. */
  async end(outcome: RelayOutcome): Promise<undefined> {
    clearTimeout(this.timer);
    this.parser.end();
    if (outcome.kind === "canceled") this.finishReason ??= "stopped";
    else if (outcome.kind === "error") this.error ??= streamError(outcome.reason, outcome.message, this.init.requestId);
    else if (!this.finishReason && !this.error) {
      // The connection closed cleanly but the answer never finished.
      this.error = this.badChunk
        ? streamError("malformed", this.badChunk, this.init.requestId)
        : streamError(
            "network",
            this.sawDone
              ? "The answer ended without a finish reason."
              : "The answer stream ended before it was complete.",
            this.init.requestId,
          );
    }
    await this.saving;
    await this.save(true);
    return undefined;
  }

  private async save(final: boolean) {
    const usage: StoredUsage | undefined =
      this.usage || this.init.usageBefore
        ? { ...addUsage(this.init.usageBefore ?? zero(), this.usage), requestId: this.init.requestId }
        : undefined;
    await db().message.update({
      where: { id: this.init.messageId },
      data: {
        content: this.content,
        reasoning: this.reasoning || this.init.reasoningBefore || null,
        ...(final
          ? {
              finishReason: this.finishReason ?? null,
              error: this.error ? JSON.stringify(this.error) : null,
              usage: usage ? JSON.stringify(usage) : JSON.stringify({ requestId: this.init.requestId }),
            }
          : {}),
      },
    });
    if (final) await settleChatMessage(this.init.messageId);
  }
}

function zero(): UsageView {
  return { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, totalTokens: 0 };
}
