import crypto from 'node:crypto';
import pg from 'pg';
import { createDb, createPool, withDatabase, type Db } from '../../src/db/pool.ts';

// Each test file gets its own database, cloned from the migrated template (with reference data) that
// test/run.ts prepared. Cloning takes milliseconds; files never see each other's rows.
export const templateDatabase = 'matrathan_template';

export type TestDatabase = { url: string; pool: pg.Pool; db: Db; drop(): Promise<void> };

export function adminUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error('TEST_PG_URL is not set: run the tests with `npm test` (test/run.ts starts PostgreSQL)');
  return url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  const pool = createPool(url, 5);
  const db = createDb(pool);
  return {
    url,
    pool,
    db,
    async drop() {
      await db.destroy().catch(() => {});
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await a.end();
    },
  };
}
