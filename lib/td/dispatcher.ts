import { Agent, fetch as undiciFetch } from "undici";

// One keep-alive connection pool to TD for the whole process. The chat gateway's time to first token pays a
// TCP (and TLS) handshake whenever a connection has to be opened; this agent keeps idle connections for a
// minute (TD's and the emulator's servers keep them longer) and bypasses the framework's patched global fetch.
// undici's own fetch goes with its own Agent (a dispatcher from one undici copy is not accepted by another).

export interface TdDispatcherOptions {
  /** Idle connections are kept this long (ms). */
  keepAliveMs?: number;
  /** At most this many connections per origin. */
  connections?: number;
}

export function keepAliveFetch(opts: TdDispatcherOptions = {}): typeof fetch {
  const agent = new Agent({
    keepAliveTimeout: opts.keepAliveMs ?? 60_000,
    keepAliveMaxTimeout: 10 * 60_000,
    connections: opts.connections ?? 256,
    connect: { timeout: 10_000 },
  });
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
}
