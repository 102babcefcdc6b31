import "server-only";

// The gateway's view of a relayed chat stream for the ledger: the last `usage` TD reported. When the client did
// not ask for usage (no stream_options.include_usage), the gateway asks TD for it anyway and takes the extra
// usage-only chunk (`choices: []`) out of what the client receives, so its stream reads as it asked.

const USAGE = /"usage"\s*:\s*\{/;
const BOUNDARY = /\r?\n\r?\n/;

export class UsageWatch {
  usage: Record<string, unknown> | undefined;
  private text = "";
  private readonly decoder = new TextDecoder();

  /** Look at one relayed chunk (the client already has it). */
  see(bytes: Uint8Array): void {
    this.events(this.decoder.decode(bytes, { stream: true }));
  }

  /** Complete events in `chunk` (with what was held back before it); returns the text to hand on. */
  private events(chunk: string, keep?: (event: string, json: Record<string, unknown> | undefined) => boolean) {
    this.text += chunk;
    let out = "";
    for (;;) {
      const m = BOUNDARY.exec(this.text);
      if (!m) break;
      const event = this.text.slice(0, m.index + m[0].length);
      this.text = this.text.slice(m.index + m[0].length);
      const json = USAGE.test(event) ? this.read(event) : undefined;
      if (!keep || keep(event, json)) out += event;
    }
    return out;
  }

  private read(event: string): Record<string, unknown> | undefined {
    const data = event
      .split(/\r?\n/)
      .filter((l) => l.startsWith("data:"))
      .map((l) => l.slice(5).trimStart())
      .join("\n");
    try {
      const json = JSON.parse(data) as Record<string, unknown>;
      if (json.usage && typeof json.usage === "object") this.usage = json.usage as Record<string, unknown>;
      return json;
    } catch {
      return undefined;
    }
  }

  /** A transform that reads usage and drops the usage-only chunks the client did not ask for. */
  stripUsageChunks(): TransformStream<Uint8Array, Uint8Array> {
    const encoder = new TextEncoder();
    const usageOnly = (json: Record<string, unknown> | undefined) =>
      !!json && Array.isArray(json.choices) && json.choices.length === 0;
    return new TransformStream({
      transform: (bytes, ctl) => {
        const out = this.events(this.decoder.decode(bytes, { stream: true }), (_, json) => !usageOnly(json));
        if (out) ctl.enqueue(encoder.encode(out));
      },
      flush: (ctl) => {
        const rest = this.text + this.decoder.decode();
        this.text = "";
        if (rest) ctl.enqueue(encoder.encode(rest));
      },
    });
  }
}
