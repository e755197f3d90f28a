import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger as WorkerLogger, runMigrations as migrateJobQueue } from 'graphile-worker';
import type pg from 'pg';

// Forward-only SQL migrations: src/db/migrations/NNNN_name.sql, each applied once in its own transaction.
export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query(`select pg_advisory_lock(727001)`);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map((await client.query<{ name: string; checksum: string }>(`select name, checksum from schema_migrations`)).rows.map((r) => [r.name, r.checksum]));
    for (const m of listMigrations()) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(m.sql);
        await client.query(`insert into schema_migrations (name, checksum) values ($1, $2)`, [m.name, m.checksum]);
        await client.query('commit');
        applied.push(m.name);
      } catch (e) {
        await client.query('rollback');
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await client.query(`select pg_advisory_unlock(727001)`).catch(() => {});
    client.release();
  }
  // The job queue's own schema (graphile_worker), migrated by graphile-worker itself under its own lock.
  await migrateJobQueue({ pgPool: pool, logger: new WorkerLogger(() => () => {}) });
  return applied;
}

export async function pendingMigrations(pool: pg.Pool): Promise<string[]> {
  const exists = await pool.query(`select to_regclass('schema_migrations') is not null as ok`);
  const done = exists.rows[0].ok ? new Set((await pool.query<{ name: string }>(`select name from schema_migrations`)).rows.map((r) => r.name)) : new Set<string>();
  return listMigrations().map((m) => m.name).filter((n) => !done.has(n));
}
