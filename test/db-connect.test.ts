import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { findOwnedPostmaster, openDatabase, type OpenDatabase } from '../src/db/connect.ts';
import { createLogger } from '../src/logger.ts';
import { createTestDatabase, type TestDatabase } from './support/test-db.ts';
import { freePort } from './support/cluster.ts';

// openDatabase, the one way in for the app and the command line: the embedded server under DATA_DIR (its own
// `matrathan` database, migrated), a second opener attaching instead of killing it, and DATABASE_URL.
const logger = createLogger('silent');
let tmp: string;
let t: TestDatabase;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-connect-'));
  fs.chmodSync(tmp, 0o755);
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('embedded: creates and migrates the matrathan database; a second opener attaches; data survives a restart', async () => {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmp, EMBEDDED_PG_PORT: String(await freePort()) });
  const first: OpenDatabase = await openDatabase(config, logger, { poolSize: 2 });
  let second: OpenDatabase | undefined;
  try {
    const db = await first.pool.query<{ db: string }>('select current_database() as db');
    assert.equal(db.rows[0]!.db, 'matrathan');
    const migrations = await first.pool.query<{ name: string }>('select name from schema_migrations');
    assert.ok(migrations.rows.some((r) => r.name === '0004_register.sql'));
    await first.pool.query(`insert into org_units (kind, code, path, name_th) values ('country', 'TH', '/', 'ประเทศไทย')`);

    assert.ok(findOwnedPostmaster(path.join(tmp, 'postgres')), 'the running postmaster is seen as owned by a live process');
    second = await openDatabase(config, logger, { poolSize: 2 });
    assert.equal((await second.pool.query('select count(*)::int as n from org_units')).rows[0].n, 1);
    await second.close();
    assert.equal((await first.pool.query('select 1 as ok')).rows[0].ok, 1, 'closing the attached handle leaves the server up');
  } finally {
    await second?.close();
    await first.close();
  }
  assert.equal(findOwnedPostmaster(path.join(tmp, 'postgres')), undefined, 'the owner stopped the server');

  const again = await openDatabase(config, logger, { poolSize: 2 });
  try {
    assert.equal((await again.pool.query(`select name_th from org_units where code = 'TH'`)).rows[0].name_th, 'ประเทศไทย');
  } finally {
    await again.close();
  }
});

test('DATABASE_URL: used as it is, migrations already applied are skipped', async () => {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: t.url, DATA_DIR: tmp });
  const database = await openDatabase(config, logger, { poolSize: 2 });
  try {
    const n = await database.pool.query<{ n: number }>(`select count(*)::int as n from org_units where kind = 'district'`);
    assert.equal(n.rows[0]!.n, 928);
    assert.equal(database.url, t.url);
  } finally {
    await database.close();
    await database.close();
  }
});
