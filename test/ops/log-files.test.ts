import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { addJob } from '../../src/jobs/queue.ts';
import { runDueJobs } from '../../src/jobs/start-worker.ts';
import { createLogger } from '../../src/logger.ts';
import { dailyLogFile } from '../../src/log-files.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// Log files: one per Bangkok day, kept LOG_RETENTION_DAYS (90 by default), older ones deleted by the daily job —
// and nothing else in the folder is touched.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-logs-'));
let t: TestApp | undefined;
after(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('lines go to the file of the Bangkok day they are written on, switching at Bangkok midnight', async () => {
  let now = new Date('2026-11-21T16:59:59Z'); // 23:59:59 in Bangkok
  const stream = dailyLogFile(dir, () => now);
  const logger = createLogger('info', stream);
  logger.info({ n: 1 }, 'before midnight');
  now = new Date('2026-11-21T17:00:00Z'); // 00:00 on the 22nd in Bangkok
  logger.info({ n: 2 }, 'after midnight');
  await new Promise<void>((r) => stream.end(r));
  assert.match(fs.readFileSync(path.join(dir, 'matrathan-2026-11-21.log'), 'utf8'), /"before midnight"/);
  const after = fs.readFileSync(path.join(dir, 'matrathan-2026-11-22.log'), 'utf8');
  assert.match(after, /"after midnight"/);
  assert.doesNotMatch(after, /before midnight/);
});

test('the daily job deletes log files older than the retention period, keeps the rest and anything not a log file', async () => {
  t = await createTestApp({ LOG_DIR: dir, LOG_RETENTION_DAYS: '90' });
  t.clock.set(new Date('2026-11-22T03:00:00Z'));
  for (const day of ['2026-08-23', '2026-08-24', '2026-08-25', '2026-11-01']) fs.writeFileSync(path.join(dir, `matrathan-${day}.log`), '{}\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
  await addJob(t.deps.db, 'ops.prune-logs', { v: 1 });
  await runDueJobs(t.deps);
  const left = fs.readdirSync(dir).sort();
  // 22 Nov 2026 minus 90 days is 24 Aug 2026: that day's file is the oldest kept.
  assert.deepEqual(left, ['matrathan-2026-08-24.log', 'matrathan-2026-08-25.log', 'matrathan-2026-11-01.log', 'matrathan-2026-11-21.log', 'matrathan-2026-11-22.log', 'notes.txt']);
});
