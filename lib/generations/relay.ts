import "server-only";
import { randomUUID } from "node:crypto";
import { forgetCallersFromElsewhere, setCallerRelay } from "@/lib/auth/caller-cache";
import { db, dbKind } from "@/lib/db";
import { listenPg } from "@/lib/db/pg-listen";
import { log } from "@/lib/log";
import { setWakeRelay, wakeFromElsewhere } from "./wake";

// What every server process tells the others, engine or not (PostgreSQL NOTIFY on one channel, payload
// "<sender> <what>"; a process ignores its own):
// - "callers": a token was revoked, a membership or a role changed. Each process's caller cache forgets at once, so a
//   token's caller may be remembered for CALLER_CACHE_RELAYED_MS instead of CALLER_CACHE_MS.
// - "archiver", "task:<id>": a finished poll or a callback; the process whose engine holds the work acts on it now.
// A process that serves pages and the API only (STUDIO_ENGINE=off) takes part too: a token revoked through it is
// forgotten by the engines' processes at once, and it hears their changes. SQLite is one process: nobody to tell.

const CHANNEL = "studio_wake";
const rlog = () => log("relay");

type Relay = { sender: string; users: number; stop: () => void };
const g = globalThis as unknown as { __studioRelay?: Relay };

/**
 * Join the processes' relay (idempotent; counted). instrumentation.ts joins for the server's life; an engine joins
 * while it runs (tests start engines without the server). → leave: the last one out stops listening.
 */
export function joinRelay(): () => void {
  let r = g.__studioRelay;
  if (!r) {
    const sender = `${process.pid}-${randomUUID().slice(0, 8)}`;
    let unlisten: (() => void) | undefined;
    if (dbKind() === "postgres") {
      unlisten = listenPg(CHANNEL, (payload) => {
        const space = payload.indexOf(" ");
        const from = payload.slice(0, space);
        const what = payload.slice(space + 1);
        if (space < 0 || from === sender || !what) return;
        if (what === "callers") forgetCallersFromElsewhere();
        else wakeFromElsewhere(what);
      });
      const tell = (what: string, about: string) =>
        void db().$executeRaw`SELECT pg_notify(${CHANNEL}, ${`${sender} ${what}`})`.catch((e) =>
          rlog().error({ err: (e as Error).message }, `could not relay ${about}`),
        );
      setWakeRelay((what) => tell(what, "a wake-up"));
      setCallerRelay(() => tell("callers", "a caller change"));
    } else setCallerRelay(() => undefined); // SQLite: one process, nobody else to tell
    r = {
      sender,
      users: 0,
      stop: () => {
        unlisten?.();
        setWakeRelay(undefined);
        setCallerRelay(undefined);
      },
    };
    g.__studioRelay = r;
  }
  r.users++;
  let left = false;
  const relay = r;
  return () => {
    if (left) return;
    left = true;
    if (--relay.users > 0 || g.__studioRelay !== relay) return;
    g.__studioRelay = undefined;
    relay.stop();
  };
}
