import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { addJob } from '../../src/jobs/queue.ts';
import { runDueJobs } from '../../src/jobs/start-worker.ts';
import { closeDocumentBrowser } from '../../src/documents/index.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';
import { createUserWithRole } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from '../submissions/support.ts';
import { readPdf } from './read-back.ts';

const pdfText = async (pdf: Buffer) => (await readPdf(pdf)).flatMap((p) => p.lines).join('\n');

// A document batch: every completed respondent's results report rendered by the job queue, with its progress on a
// page; each file once, whatever the worker does (a chunk run twice renders nothing twice); the public page links
// the file once the round is published.
let t: TestApp;
let w: EntryWorld;
let owner: Browser;

before(async () => {
  t = await createTestApp({ DATA_DIR: `/tmp/matrathan-test-batch-${process.pid}` });
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
  await fillEverything(t, w, { orgUnitCode: w.otherLao.code });
  const otherExecutive = (await loadActor(t.deps.db, (await createUserWithRole(t.deps, 'lao_executive', w.otherLao.code)).userId))!;
  await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  await submitSubmission(t.deps, otherExecutive, { roundId: w.roundId, orgUnitCode: w.otherLao.code }, meta);
  owner = await signedIn(t, await createUserWithRole(t.deps, 'programme_admin', 'TH'));
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

const batchPath = () => `/rounds/${w.roundId}/document-batches`;

test('an open round cannot be batched: the reason is said at the field, in Thai', async () => {
  const res = await owner.post(batchPath(), { provinceCode: '' });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /ปิดรอบก่อน/);
  const bad = await owner.post(batchPath(), { provinceCode: '<script>' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /เลือกจังหวัดจากรายการ/);
});

test('a closed round: the batch is queued, its page shows progress, the worker renders each report once', async () => {
  await changeRoundState(t.deps, null, { roundId: w.roundId, to: 'closed' }, meta);
  const res = await owner.post(batchPath(), { provinceCode: '22' });
  assert.equal(res.status, 303);
  const page = res.headers.get('location')!;
  const batchId = Number(page.split('/').at(-1));
  const before = await owner.get(page);
  assert.equal(before.headers.get('refresh'), '5', 'the page refreshes itself while the batch runs');
  assert.match(await before.text(), /สร้างแล้ว 0 จาก 2 ฉบับ/);
  assert.equal((await owner.post(batchPath(), { provinceCode: '' })).status, 422, 'one batch at a time');

  await runDueJobs(t.deps);
  const done = await owner.get(page);
  assert.equal(done.headers.get('refresh'), null);
  const html = await done.text();
  assert.match(html, /สร้างแล้ว 2 จาก 2 ฉบับ/);
  assert.match(html, /เสร็จแล้ว/);

  const file = await owner.get(`${page}/files/${w.lao.code}`);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  const text = await pdfText(Buffer.from(await file.arrayBuffer()));
  assert.match(text, /เทศบาลตำบลทดสอบ/);
  assert.match(text, /ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ/);

  // A chunk queued again (as after a worker died before graphile-worker recorded the job done) renders nothing again.
  const doneAt = await sql<{ done_at: Date }>`select done_at from document_batch_items where batch_id = ${batchId} order by org_unit_id`.execute(t.deps.db);
  const ids = await sql<{ org_unit_id: number }>`select org_unit_id from document_batch_items where batch_id = ${batchId}`.execute(t.deps.db);
  await addJob(t.deps.db, 'documents.render-batch', { v: 1, batchId, orgUnitIds: ids.rows.map((r) => r.org_unit_id) });
  await runDueJobs(t.deps);
  const again = await sql<{ done_at: Date; attempts: number }>`select done_at, attempts from document_batch_items where batch_id = ${batchId} order by org_unit_id`.execute(t.deps.db);
  assert.deepEqual(again.rows.map((r) => r.done_at.getTime()), doneAt.rows.map((r) => r.done_at.getTime()));
  assert.deepEqual(again.rows.map((r) => r.attempts), [1, 1]);
});

test('a job from an unknown payload version fails loudly instead of guessing', async () => {
  await addJob(t.deps.db, 'documents.render-batch', { v: 2, batchId: 1, orgUnitIds: [] }, { maxAttempts: 1 });
  await runDueJobs(t.deps);
  const failed = await sql<{ last_error: string }>`select last_error from graphile_worker.jobs where task_identifier = 'documents.render-batch' and max_attempts = 1`.execute(t.deps.db);
  assert.match(failed.rows[0]!.last_error, /payload version 2, this release runs version 1/);
});

test('once published, the public page links each report and serves it to anyone; never before', async () => {
  const anonymous = new Browser(t.app);
  const path = `/public/results/${w.roundId}/${w.lao.code}`;
  assert.equal((await anonymous.get(`${path}/report.pdf`)).status, 404);
  await changeRoundState(t.deps, null, { roundId: w.roundId, to: 'published' }, meta);
  assert.match(await (await anonymous.get(path)).text(), /report\.pdf/);
  const res = await anonymous.get(`${path}/report.pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
  assert.match(await pdfText(Buffer.from(await res.arrayBuffer())), /เทศบาลตำบลทดสอบ/);
});

test('only the programme owners start or see batches', async () => {
  for (const who of [w.users.province, w.users.executive]) {
    const b = await signedIn(t, who);
    assert.equal((await b.get(batchPath())).status, 403);
  }
});
