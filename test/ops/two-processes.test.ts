import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { insertDocumentBatch } from '../../src/db/queries/document-batches.ts';
import { addJob } from '../../src/jobs/queue.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { renderBatchJob } from '../../src/services/documents/start-document-batch.ts';
import { answered, submissionApi } from '../../drills/support/api.ts';
import { startApp, type AppProcess } from '../../drills/support/app-process.ts';
import { HttpBrowser } from '../../drills/support/browser.ts';
import { failures, Report } from '../../drills/support/report.ts';
import { startSaveLoad } from '../../drills/support/save-load.ts';
import { verifyAfterFault } from '../../drills/support/verify.ts';
import { seedDrillWorld, type DrillWorld } from '../../drills/support/world.ts';
import { freePort } from '../support/cluster.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// Two real app processes (src/main.ts, each with its in-process job worker) on this file's database, behind a
// round-robin proxy: the concurrency guarantees of one process hold for two — no lost update, each job run once,
// a session made on one valid on the other.
let t: TestApp;
let world: DrillWorld;
let proxy: RoundRobinProxy;
const apps: AppProcess[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrathan-two-'));

before(async () => {
  t = await createTestApp({ DATA_DIR: dataDir }); // the storage the processes share
  const ports = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  // Both started at once, while the world is seeded; debug logs carry the worker's "Completed task <id>" lines.
  const starting = ports.map((port) => startApp({ port, databaseUrl: t.database.url, dataDir, publicUrl: proxy.url, env: { LOG_LEVEL: 'debug' } }));
  const [seeded, ...started] = await Promise.allSettled([seedDrillWorld(t.deps, { laos: 5, officers: 1 }), ...starting]);
  for (const s of started) if (s.status === 'fulfilled') apps.push(s.value as AppProcess); // after() stops them, whatever fails
  for (const s of [seeded, ...started]) if (s.status === 'rejected') throw s.reason;
  world = (seeded as PromiseFulfilledResult<DrillWorld>).value;
});
after(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await proxy?.close();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('sessions: signed in on one process, valid on the other and through the proxy; a form saved across them', async () => {
  const [a, b] = apps as [AppProcess, AppProcess];
  const lao = world.laos[0]!;
  const officer = lao.officer!;
  const browser = new HttpBrowser(proxy.url);
  assert.ok(await browser.signIn(a.url, officer.username, officer.password), 'signed in on process A');
  const account = await browser.get(`${b.url}/account`);
  assert.equal(account.status, 200, 'process B knows the session');
  assert.ok((await account.text()).includes(officer.username), 'the account page of the officer');

  const section = `/rounds/${world.roundId}/submissions/${lao.code}/sections/F1-S1`;
  const before = proxy.served.slice();
  for (let i = 0; i < 6; i++) {
    const res = await browser.get(`${proxy.url}${section}`);
    assert.equal(res.status, 200, `request ${i + 1} through the proxy`);
    await res.arrayBuffer();
  }
  assert.deepEqual(proxy.served.map((n, i) => n - before[i]!), [3, 3], 'the proxy alternated');

  // The form read on A, posted to B (its CSRF token and session made on A).
  const form = await (await browser.get(`${a.url}${section}`)).text();
  const versions = Object.fromEntries([...form.matchAll(/name="(_v__[a-z_]+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
  const saved = await browser.post(`${b.url}${section}`, { ...versions, budget_total: '7200000', budget_env: '0', has_plan: 'yes', action: 'later' });
  assert.equal(saved.status, 303, await saved.text());
  assert.match(saved.headers.get('location') ?? '', /done=saved/);
  const stored = await t.deps.db.selectFrom('submission_values').innerJoin('submissions', 'submissions.id', 'submission_values.submission_id')
    .select('value').where('submissions.org_unit_id', '=', lao.id).where('field_key', '=', 'budget_total').executeTakeFirstOrThrow();
  assert.equal(Number(stored.value), 7200000);
});

test('no lost update: concurrent saves of the same answers through both processes', async () => {
  const respondents = world.laos.slice(1, 3).map((l) => ({ code: l.code, token: l.token }));
  const before = proxy.served.slice();
  const load = startSaveLoad({ base: () => proxy.url, roundId: world.roundId, respondents, writersPerRespondent: 8, onNoAnswer: 'retry' });
  while (load.ackedCount() < 60) await new Promise((r) => setTimeout(r, 50));
  await load.stop();

  assert.ok(proxy.served.every((n, i) => n - before[i]! > 20), `both processes served saves: ${proxy.served}`);
  const saves = load.attempts.filter((x) => x.op === 'save').map((x) => x.outcome);
  assert.deepEqual([...new Set(saves.map((o) => o.status))].sort(), [200, 409], 'every save was acknowledged or refused as stale');
  for (const o of saves.filter((s) => s.status === 409)) assert.equal(answered(o) && o.body.error, 'conflict');

  const report = new Report(false);
  await verifyAfterFault(t.deps.db, report, { roundId: world.roundId, acked: load.acked, sentCodes: [] });
  assert.ok(report.ok, failures(report));
  // Nothing died here, so every committed save was acknowledged: the version is exactly their number.
  for (const r of respondents) {
    const { version } = await t.deps.db.selectFrom('submissions').select('version').where('org_unit_id', '=', world.laos.find((l) => l.code === r.code)!.id).executeTakeFirstOrThrow();
    assert.equal(version, load.acked.filter((x) => x.code === r.code).length, `version of ${r.code}`);
  }
});

test('each job runs once although both processes run workers', async () => {
  // Every respondent answered and sent, the round closed: a batch of results reports, one job per respondent.
  for (const lao of world.laos) {
    const api = submissionApi(proxy.url, world.roundId, lao.code, lao.token);
    const read = await api.read();
    assert.ok(answered(read) && read.status === 200);
    if (!(read.body.values as Record<string, unknown>).budget_total) {
      assert.equal((await api.patch(read.body.version as number, { budget_total: 1000, budget_env: 0, has_plan: true })).status, 200);
    }
    assert.equal((await api.submit(`send-${lao.code}`)).status, 200);
  }
  const meta = { actorUserId: null, ip: null, requestId: 'two-processes' };
  await changeRoundState(t.deps, null, { roundId: world.roundId, to: 'closed' }, meta);
  const orgUnitIds = world.laos.map((l) => l.id);
  // Chunks of one (the service makes chunks of 20): as many jobs as respondents, for both workers to compete over.
  const batchId = await t.deps.db.transaction().execute(async (trx) => {
    const id = await insertDocumentBatch(trx, { roundId: world.roundId, requestedBy: null, requestedAt: new Date(), orgUnitIds });
    for (const unit of orgUnitIds) await addJob(trx, renderBatchJob, { v: 1, batchId: id, orgUnitIds: [unit] }, { jobKey: `${renderBatchJob}:${id}:${unit}` });
    return id;
  });
  const until = Date.now() + 90_000;
  let finished = false;
  while (!finished && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 250));
    finished = !!(await t.deps.db.selectFrom('document_batches').select('finished_at').where('id', '=', batchId).executeTakeFirstOrThrow()).finished_at;
  }
  assert.ok(finished, 'the batch finished');
  const items = await t.deps.db.selectFrom('document_batch_items').select(['state', 'attempts', 'storage_key', 'bytes']).where('batch_id', '=', batchId).execute();
  assert.deepEqual(items.map((i) => [i.state, i.attempts]), orgUnitIds.map(() => ['done', 1]), 'each item rendered once');
  for (const i of items) assert.ok((await t.deps.storage.get(i.storage_key!))?.subarray(0, 5).toString() === '%PDF-' && i.bytes! > 1000, 'a PDF in the shared storage');
  const left = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs where task_identifier = ${renderBatchJob}`.execute(t.deps.db);
  assert.equal(left.rows[0]!.n, 0);

  // Each job completed exactly once across both processes' logs, and both processes did some of them.
  const completed = apps.map((a) => [...a.output().matchAll(/Completed task (\d+) \(documents\.render-batch/g)].map((m) => m[1]!));
  const all = completed.flat();
  assert.equal(all.length, orgUnitIds.length, `completions: ${JSON.stringify(completed)}`);
  assert.equal(new Set(all).size, all.length, 'no job completed twice');
  assert.ok(completed.every((c) => c.length > 0), `both processes ran jobs: ${completed.map((c) => c.length).join(' + ')}`);
});
