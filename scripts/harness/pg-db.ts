import pg from "pg";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { AssetRow, GenRow } from "./index";

/**
 * The PostgreSQL twin of StudioDb (scripts/harness/index.ts) for the system tests and the benchmark with several app
 * processes on one database: the same rows, read through `pg` (async; the studio writes, this only reads).
 */

/** A new, empty database on a throw-away cluster (scripts/db/pg-cluster.ts); the first studio start migrates it. */
export function createPgDatabase(clusterUrl: string, name: string): string {
  const bin = process.env.STUDIO_PG_BIN;
  const psql = bin && existsSync(path.join(bin, "psql")) ? path.join(bin, "psql") : "psql";
  const r = spawnSync(
    psql,
    [clusterUrl, "-v", "ON_ERROR_STOP=1", "-qc", `CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`could not create the database ${name}: ${r.stderr || r.error}`);
  const u = new URL(clusterUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const ms = (v: unknown): number | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.getTime() : Date.parse(String(v));

export class PgStudioDb {
  private pool: pg.Pool;
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
  }

  async generations(): Promise<GenRow[]> {
    const { rows } = await this.pool.query(
      `SELECT id, prompt, status, "upstreamTaskId", "errorCode", "errorMessage", "requestIds", "createdAt", "submittedAt", "finishedAt", "nextPollAt", "leaseOwner" FROM "Generation"`,
    );
    return rows.map((r) => ({
      id: String(r.id),
      prompt: r.prompt ?? null,
      status: String(r.status),
      upstreamTaskId: r.upstreamTaskId ?? null,
      errorCode: r.errorCode ?? null,
      errorMessage: r.errorMessage ?? null,
      requestIds: JSON.parse(String(r.requestIds ?? "[]")),
      createdAt: ms(r.createdAt) ?? 0,
      submittedAt: ms(r.submittedAt),
      finishedAt: ms(r.finishedAt),
      nextPollAt: ms(r.nextPollAt),
      leaseOwner: r.leaseOwner ?? null,
    }));
  }

  async assets(): Promise<AssetRow[]> {
    const { rows } = await this.pool.query(
      `SELECT id, "generationId", "archiveState", "mediaState", "storageKey", "posterKey", size, sha256, "upstreamUrl", "archiveAttempts", "archiveError" FROM "Asset" WHERE origin = 'output'`,
    );
    return rows.map((r) => ({ ...r, size: r.size === null ? null : Number(r.size) }) as AssetRow);
  }

  /** Rows whose lease or archive claim is still held (a process that died mid-work; a live one between passes). */
  async heldClaims(): Promise<{ leases: number; archiveClaims: number }> {
    const g = await this.pool.query(`SELECT COUNT(*)::int AS n FROM "Generation" WHERE "leaseOwner" IS NOT NULL`);
    const a = await this.pool.query(
      `SELECT COUNT(*)::int AS n FROM "Asset" WHERE "archiveState" = 'archiving' OR "archiveClaim" IS NOT NULL`,
    );
    return { leases: g.rows[0].n, archiveClaims: a.rows[0].n };
  }

  async outputsKnownAt(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query(
      `SELECT "generationId" AS g, MIN("createdAt") AS at FROM "Asset" WHERE origin = 'output' AND "generationId" IS NOT NULL GROUP BY "generationId"`,
    );
    return new Map(rows.map((r) => [String(r.g), ms(r.at) ?? 0]));
  }

  async overdue(cutoff: number): Promise<{ overdue: number; oldestMs: number; active: number }> {
    const due = await this.pool.query(
      `SELECT COUNT(*)::int AS n, MIN("nextPollAt") AS oldest FROM "Generation" WHERE status IN ('queued', 'running') AND "nextPollAt" <= $1`,
      [new Date(cutoff)],
    );
    const active = await this.pool.query(
      `SELECT COUNT(*)::int AS n FROM "Generation" WHERE status IN ('queued', 'running')`,
    );
    const oldest = ms(due.rows[0].oldest);
    return { overdue: due.rows[0].n, oldestMs: oldest ? Date.now() - oldest : 0, active: active.rows[0].n };
  }

  async close() {
    await this.pool.end();
  }
}
