import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/**
 * SQLite through Prisma's better-sqlite3 adapter is ONE connection per process. The adapter takes turns for
 * interactive transactions, but a query outside a transaction runs at once on that same connection — so while a
 * transaction is open (between its statements, across awaits) another request's query became part of it: a read
 * saw that transaction's uncommitted rows, and a write was undone with it when it rolled back (a callback's or the
 * engine's status write lost because a create over budget rolled back). Measured, then fixed here: every statement
 * outside a transaction now waits its turn behind an open transaction, first in, first out, and runs at once when
 * none is open (the common case costs nothing: the adapter's statements are synchronous).
 *
 * A consequence the test suite checks: code inside `db().$transaction(async (tx) => …)` must use `tx`, never
 * `db()` — the outer client would wait for the transaction it is part of.
 */
export function oneStatementAtATime(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const lock = new FifoLock();
  const connect = factory.connect.bind(factory);
  factory.connect = async () => serialize(await connect(), lock);
  return factory;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

function serialize(adapter: Adapter, lock: FifoLock): Adapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  // The adapter's statements run synchronously when called (the promise is already settled), so holding the turn
  // only for the call itself is enough when nobody is waiting.
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    if (lock.tryAcquire()) {
      try {
        return run();
      } finally {
        lock.release();
      }
    }
    return lock.acquire().then(async () => {
      try {
        return await run();
      } finally {
        lock.release();
      }
    });
  };
  adapter.queryRaw = (q) => inTurn(() => queryRaw(q));
  adapter.executeRaw = (q) => inTurn(() => executeRaw(q));
  adapter.executeScript = (s) => inTurn(() => executeScript(s));
  adapter.startTransaction = async (isolation) => {
    await lock.acquire();
    let tx: Transaction;
    try {
      tx = await startTransaction(isolation);
    } catch (e) {
      lock.release();
      throw e;
    }
    // Prisma sends COMMIT/ROLLBACK through the transaction, then calls these: the turn ends once, after either.
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      lock.release();
    };
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(end);
    tx.rollback = () => rollback().finally(end);
    return tx;
  };
  return adapter;
}

/** A lock whose waiters are served in the order they came. */
class FifoLock {
  private held = false;
  private readonly waiters: (() => void)[] = [];

  tryAcquire(): boolean {
    if (this.held || this.waiters.length) return false;
    this.held = true;
    return true;
  }

  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Hands the lock straight to the next waiter, if any (it stays held), or frees it. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}
