import "server-only";
import pg from "pg";
import { config } from "@/lib/config";

/**
 * PostgreSQL LISTEN/NOTIFY between the studio's processes: one dedicated connection per process (outside Prisma's
 * pool, which cannot hold a LISTEN), opened on the first listen, reconnected after a drop. `onReconnect` handlers
 * run after a reconnect, so a listener can catch up on what it missed while the connection was down.
 */
type Handler = (payload: string) => void;
interface State {
  handlers: Map<string, Set<Handler>>;
  reconnects: Set<() => void>;
  client?: pg.Client;
  connecting?: Promise<void>;
}

const g = globalThis as unknown as { __studioPgListen?: State };
const state = (): State => (g.__studioPgListen ??= { handlers: new Map(), reconnects: new Set() });

const RETRY_MS = 1000;
const CHANNEL = /^[a-z_]+$/;

/** Call `fn` with every payload NOTIFYed on `channel` (by any process, this one included). → unsubscribe. */
export function listenPg(channel: string, fn: Handler, onReconnect?: () => void): () => void {
  if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
  const s = state();
  let set = s.handlers.get(channel);
  const fresh = !set;
  if (!set) s.handlers.set(channel, (set = new Set()));
  set.add(fn);
  if (onReconnect) s.reconnects.add(onReconnect);
  if (s.client && fresh) void s.client.query(`LISTEN ${channel}`).catch(() => undefined);
  else
    void connect().catch((e) => {
      console.error("[db] LISTEN connection failed, retrying:", (e as Error).message);
      setTimeout(() => void reconnect(), RETRY_MS).unref?.();
    });
  return () => {
    set.delete(fn);
    if (onReconnect) s.reconnects.delete(onReconnect);
  };
}

/** Resolves once this process's LISTEN connection is up (tests wait for it before notifying). */
export async function pgListenReady(): Promise<void> {
  await connect();
}

async function connect(): Promise<void> {
  const s = state();
  if (s.client) return;
  s.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: config().DATABASE_URL });
    client.on("notification", (m) => {
      for (const fn of s.handlers.get(m.channel) ?? [])
        try {
          fn(m.payload ?? "");
        } catch (e) {
          console.error("[db] a notification handler failed", e);
        }
    });
    const dropped = () => {
      if (s.client !== client) return;
      s.client = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void reconnect(), RETRY_MS).unref?.();
    };
    client.on("error", dropped);
    client.on("end", dropped);
    await client.connect();
    for (const ch of s.handlers.keys()) await client.query(`LISTEN ${ch}`);
    s.client = client;
  })().finally(() => (s.connecting = undefined));
  return s.connecting;
}

/** Close this process's LISTEN connection (tests, shutdown); a later listenPg opens it again. */
export async function closePgListen(): Promise<void> {
  const s = state();
  const c = s.client;
  s.client = undefined;
  s.handlers.clear();
  s.reconnects.clear();
  await c?.end().catch(() => undefined);
}

async function reconnect() {
  const s = state();
  try {
    await connect();
    for (const fn of s.reconnects) fn();
  } catch (e) {
    console.error("[db] LISTEN connection failed, retrying:", (e as Error).message);
    setTimeout(() => void reconnect(), RETRY_MS).unref?.();
  }
}
