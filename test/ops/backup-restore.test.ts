import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import { FixedClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { createPool, withDatabase } from '../../src/db/pool.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryMailer } from '../../src/mail/mailer.ts';
import { newStorageKey } from '../../src/services/evidence/storage.ts';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';
import { createUserWithRole } from '../support/factories.ts';
import { projectRoot } from '../support/cli.ts';
import { adminUrl } from '../support/test-db.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from '../submissions/support.ts';

// Backup and restore as an operator runs them (the README's operations section): `backup create` from the running
// database and its files; `backup restore` into a new, empty database and another storage folder, which checks
// itself; then the app runs on the restored copy with every submission's values and files as they were.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-backup-'));
const sourceDir = path.join(tmp, 'source-data');
let t: TestApp;
let w: EntryWorld;
const fresh: string[] = [];
let restored: Deps | undefined;

const cli = (env: Record<string, string>, ...args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
});

async function emptyDatabase(): Promise<string> {
  const name = `restore_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  fresh.push(name);
  return withDatabase(adminUrl(), name);
}

before(async () => {
  t = await createTestApp({ DATA_DIR: sourceDir });
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
  // Real files behind the evidence rows, each different.
  const rows = await t.deps.db.selectFrom('evidence').select('id').execute();
  for (const r of rows) {
    const key = newStorageKey();
    await t.deps.storage.put(key, Buffer.from(`%PDF-1.4 หลักฐาน ${r.id} ${crypto.randomBytes(8).toString('hex')}`), 'application/pdf');
    await t.deps.db.updateTable('evidence').set({ storage_key: key }).where('id', '=', r.id).execute();
  }
  await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
});
after(async () => {
  await restored?.db.destroy().catch(() => {});
  await t.close();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  for (const name of fresh) await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let backupDir = '';

test('backup create writes every table and every stored file, with a manifest of checksums', async () => {
  const r = await cli({ DATABASE_URL: t.database.url, DATA_DIR: sourceDir }, 'backup', 'create', path.join(tmp, 'backups'));
  assert.equal(r.code, 0, r.stderr);
  backupDir = r.stdout.trim().split('\n').at(-1)!;
  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
  const values = manifest.tables.find((x: { name: string }) => x.name === 'submission_values');
  assert.ok(values.rows > 20, 'the answers are in it');
  const evidenceCount = (await t.deps.db.selectFrom('evidence').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  assert.equal(manifest.files.length, evidenceCount);
  assert.ok(manifest.tables.findIndex((x: { name: string }) => x.name === 'org_units') < manifest.tables.findIndex((x: { name: string }) => x.name === 'submissions'), 'parents before children');
});

test('restore into a new database and storage: checked table by table and file by file; the app runs on it', async () => {
  const url = await emptyDatabase();
  const dataDir = path.join(tmp, 'restored-data');
  const r = await cli({ DATABASE_URL: url, DATA_DIR: dataDir }, 'backup', 'restore', backupDir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /ตรงกับชุดสำรองทุกอย่าง/);

  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', DATA_DIR: dataDir });
  restored = createDeps({ config, pool: createPool(url, 3), clock: new FixedClock(t.clock.now()), logger: createLogger('silent'), mailer: new MemoryMailer(), authSecret: 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz' });
  const before = await loadSubmissionContext(t.deps, null, { roundId: w.roundId, orgUnitCode: w.lao.code });
  const after = await loadSubmissionContext(restored, null, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(after.state, 'submitted');
  assert.deepEqual([...after.answers.entries()].sort(), [...before.answers.entries()].sort());
  for (const e of await t.deps.db.selectFrom('evidence').select('storage_key').execute()) {
    assert.deepEqual(await restored.storage.get(e.storage_key), await t.deps.storage.get(e.storage_key));
  }
  // New rows take new ids (sequences moved past the restored ones).
  const user = await createUserWithRole(restored, 'lao_officer', w.lao.code);
  assert.ok(user.userId);

  const again = await cli({ DATABASE_URL: url, DATA_DIR: dataDir }, 'backup', 'restore', backupDir);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /ไม่ได้.*not empty/);
});

test('a damaged backup is refused before anything is written', async () => {
  const file = fs.readdirSync(path.join(backupDir, 'db')).find((f) => f.startsWith('public.submission_values'))!;
  fs.appendFileSync(path.join(backupDir, 'db', file), 'x');
  const url = await emptyDatabase();
  const r = await cli({ DATABASE_URL: url, DATA_DIR: path.join(tmp, 'damaged') }, 'backup', 'restore', backupDir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /damaged/);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  assert.equal((await c.query('select count(*)::int as n from org_units')).rows[0].n, 0);
  await c.end();
});
