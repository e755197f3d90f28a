import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { replaceResults, type ResultWrite } from '../../src/db/queries/results.ts';
import { insertSubmissions } from '../../src/db/queries/submissions.ts';
import { createLao } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, type EntryWorld } from './support.ts';

// Stored results follow the answers by writing only what differs: a changed result is updated, a new one inserted,
// one no longer produced deleted, and an unchanged one keeps its very row (so a save that moves one answer does not
// rewrite a hundred rows). Submissions in one call are each made exact, however the call is chunked.
let t: TestApp;
let w: EntryWorld;
let frameworkVersionId: number;
const at = new Date('2025-08-01T03:00:00Z');

const result = (code: string, value: number | null, state: 'met' | 'needs_development' | 'missing' = 'met') =>
  ({ code, value, numerator: value, denominator: value === null ? null : 100, state, level: null, score: null });

async function stored(submissionId: number) {
  return (await sql<{ code: string; value: number | null; state: string; ctid: string; computedAt: Date }>`
    select indicator_code as code, value, state, ctid::text as ctid, computed_at as "computedAt" from results where submission_id = ${submissionId} order by indicator_code`.execute(t.deps.db)).rows;
}

async function newSubmission(code: string): Promise<number> {
  const lao = await createLao(t.deps.db, { code, nameTh: `เทศบาลตำบลทดสอบ ${code}`, laoType: 'subdistrict', districtCode: '2206' });
  const ids = await insertSubmissions(t.deps.db, w.roundId, [{ orgUnitId: lao.id, state: 'in_progress', startedAt: at, submittedAt: null, submittedBy: null }]);
  return ids.get(lao.id)!;
}

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  frameworkVersionId = (await t.deps.db.selectFrom('rounds').select('framework_version_id').where('id', '=', w.roundId).executeTakeFirstOrThrow()).framework_version_id;
});
after(async () => t.close());

test('only what differs is written: changed updated, new inserted, gone deleted, unchanged left as it was', async () => {
  const id = await newSubmission('8100101');
  await replaceResults(t.deps.db, [{ submissionId: id, frameworkVersionId, results: [result('ED01', 10), result('ED02', 20), result('ED03', 30), result('ED04', null, 'missing')] }], at, { fresh: true });
  const before = new Map((await stored(id)).map((r) => [r.code, r]));
  const later = new Date('2025-08-02T03:00:00Z');
  await replaceResults(t.deps.db, [{ submissionId: id, frameworkVersionId, results: [result('ED01', 10), result('ED02', 25, 'needs_development'), result('ED04', null, 'missing'), result('ED05', 50)] }], later);
  const after = await stored(id);
  assert.deepEqual(after.map((r) => [r.code, r.value, r.state]), [['ED01', 10, 'met'], ['ED02', 25, 'needs_development'], ['ED04', null, 'missing'], ['ED05', 50, 'met']]);
  const byCode = new Map(after.map((r) => [r.code, r]));
  for (const same of ['ED01', 'ED04']) {
    assert.equal(byCode.get(same)!.ctid, before.get(same)!.ctid, `${same} unchanged keeps its row`);
    assert.equal(byCode.get(same)!.computedAt.getTime(), at.getTime(), `${same} was computed when it last changed`);
  }
  assert.notEqual(byCode.get('ED02')!.ctid, before.get('ED02')!.ctid);
  assert.equal(byCode.get('ED02')!.computedAt.getTime(), later.getTime());
});

test('a submission with no results left has none; others in the same call are each made exact', async () => {
  const a = await newSubmission('8100102');
  const b = await newSubmission('8100103');
  await replaceResults(t.deps.db, [{ submissionId: a, frameworkVersionId, results: [result('ED01', 1)] }, { submissionId: b, frameworkVersionId, results: [result('ED01', 2), result('ED02', 3)] }], at);
  await replaceResults(t.deps.db, [{ submissionId: a, frameworkVersionId, results: [] }, { submissionId: b, frameworkVersionId, results: [result('ED02', 4)] }], at);
  assert.deepEqual(await stored(a), []);
  assert.deepEqual((await stored(b)).map((r) => [r.code, r.value]), [['ED02', 4]]);
});

test('a call larger than one statement never splits a submission: every submission ends exact', async () => {
  // 2,100 results a submission, 12 submissions: about 25,000 rows, more than one 20,000-row statement.
  const codes = Array.from({ length: 2100 }, (_, i) => `X${String(i).padStart(4, '0')}`);
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push(await newSubmission(String(8100200 + i)));
  const writes = (value: number): ResultWrite[] => ids.map((submissionId) => ({ submissionId, frameworkVersionId, results: codes.map((c) => result(c, value)) }));
  await replaceResults(t.deps.db, writes(1), at);
  await replaceResults(t.deps.db, writes(2), at);
  const counts = (await sql<{ id: number; n: number; bad: number }>`select submission_id as id, count(*)::int as n, count(*) filter (where value <> 2)::int as bad
    from results where submission_id = any(${ids}::int[]) group by 1 order by 1`.execute(t.deps.db)).rows;
  assert.deepEqual(counts, ids.map((id) => ({ id, n: codes.length, bad: 0 })));
});
