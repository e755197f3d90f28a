import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DomainError } from '../../src/domain/errors.ts';
import { addReviewComment, decideSubmission } from '../../src/services/submissions/review-submission.ts';
import { changesSinceLastSent, loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { saveSection } from '../../src/services/submissions/save-section.ts';
import { submitSubmission } from '../../src/services/submissions/submit-submission.ts';
import { findGaps } from '../../src/services/submissions/check-completeness.ts';
import { listTasks } from '../../src/services/submissions/list-tasks.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from './support.ts';

// Data entry through submission and review, on real PostgreSQL.
let t: TestApp;
let w: EntryWorld;
before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
});
after(async () => t.close());

const save = (who: keyof EntryWorld['actors'], sectionCode: string, raw: Record<string, string>, extra: Partial<Parameters<typeof saveSection>[2]> = {}) =>
  saveSection(t.deps, w.actors[who], { roundId: w.roundId, orgUnitCode: w.lao.code, sectionCode, raw, complete: true, ...extra }, meta);

test('bad values come back at their fields in Thai and nothing is written', async () => {
  const r = await save('officer', 'F1-S1', { population: '12a', households: '-5', area_km2: '1e309', communities: '๑๒' });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'invalid');
  const errors = !r.ok && r.reason === 'invalid' ? r.errors : {};
  assert.match(errors.population!, /จำนวนเต็ม/);
  assert.match(errors.households!, /ต้องไม่ติดลบ/);
  assert.match(errors.area_km2!, /ตัวเลข/);
  assert.equal(errors.communities, undefined, 'Thai digits are numbers');
  const ctx = await loadSubmissionContext(t.deps, w.actors.officer, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(ctx.submission, null);
});

test('a save writes each changed answer with its version and one audit row each; a stale save is a conflict with both values', async () => {
  const first = await save('officer', 'F1-S1', { population: '5,230', households: '1 800', area_km2: '24.5', communities: '12' });
  assert.ok(first.ok);
  assert.equal(first.ok && first.changed, 4);
  const audit = await t.deps.db.selectFrom('audit_events').select('old_value').where('action', '=', 'submission.value').execute();
  assert.equal(audit.length, 4);
  const versions = first.ok ? first.answerVersions : {};
  // officer2 saved population meanwhile
  const theirs = await save('officer2', 'F1-S1', { population: '5,300', households: '1800', area_km2: '24.5', communities: '12' }, { answerVersions: versions });
  assert.ok(theirs.ok);
  const mine = await save('officer', 'F1-S1', { population: '5,999', households: '1800', area_km2: '24.5', communities: '12' }, { answerVersions: versions });
  assert.equal(!mine.ok && mine.reason, 'conflict');
  const conflict = !mine.ok && mine.reason === 'conflict' ? mine.conflicts[0]! : null;
  assert.deepEqual([conflict?.name, conflict?.mine, conflict?.theirs], ['population', 5999, 5300]);
  const ctx = await loadSubmissionContext(t.deps, w.actors.officer, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(ctx.answers.get('population'), 5300, 'nothing overwritten');
});

test('a blocking rule refuses, a far-from-last-year value asks for a reason; another LAO\u2019s officer may not save', async () => {
  const blocked = await save('officer', 'F2-2-S2', { tour_sites_total: '3', tour_sites_promoted: '5', tour_restore_projects: '1', tour_business_projects: '1', tour_access_projects: '1' });
  assert.equal(!blocked.ok && blocked.reason, 'invalid');
  await assert.rejects(saveSection(t.deps, w.actors.otherOfficer, { roundId: w.roundId, orgUnitCode: w.lao.code, sectionCode: 'F1-S1', raw: {}, complete: false }, meta), (e: unknown) => e instanceof DomainError && e.code === 'forbidden');
});

test('the executive submits once however often it is asked; a return reopens only the returned field; resubmit; accept', async () => {
  const incomplete = await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  assert.equal(!incomplete.ok && incomplete.reason, 'incomplete');
  await fillEverything(t, w);
  const ctx = await loadSubmissionContext(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.deepEqual(await findGaps(t.deps.db, ctx), []);
  await assert.rejects(submitSubmission(t.deps, w.actors.officer, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta), (e: unknown) => e instanceof DomainError && e.code === 'forbidden');
  const results = await Promise.all(Array.from({ length: 20 }, () => submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code, idempotencyKey: 'key-1' }, meta)));
  assert.ok(results.every((r) => r.ok), JSON.stringify(results.find((r) => !r.ok)));
  const snapshots = await t.deps.db.selectFrom('submission_snapshots').select('seq').execute();
  assert.equal(snapshots.length, 1, 'one submission for twenty requests with one key');
  const again = await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code }, meta);
  assert.ok(again.ok, 'a double click answers the same');
  assert.equal((await t.deps.db.selectFrom('submission_snapshots').select('seq').execute()).length, 1);

  const locked = await save('officer', 'F1-S1', { population: '1' }, { complete: false });
  assert.equal(!locked.ok && locked.reason, 'locked');

  await addReviewComment(t.deps, w.actors.district, { roundId: w.roundId, orgUnitCode: w.lao.code, fieldKey: 'population', body: 'ตัวเลขไม่ตรงกับทะเบียนราษฎร', returnsField: true }, meta);
  await assert.rejects(decideSubmission(t.deps, w.actors.otherOfficer, { roundId: w.roundId, orgUnitCode: w.lao.code, decision: 'returned', reason: 'x' }, meta));
  await decideSubmission(t.deps, w.actors.district, { roundId: w.roundId, orgUnitCode: w.lao.code, decision: 'returned', reason: 'แก้จำนวนประชากร' }, meta);

  const returned = await loadSubmissionContext(t.deps, w.actors.officer, { roundId: w.roundId, orgUnitCode: w.lao.code });
  const versions = Object.fromEntries(returned.rows.map((v) => [v.fieldKey, v.version]));
  const touchOther = await save('officer', 'F1-S1', { population: '5,400', households: '9999', area_km2: '24.5', communities: '12' }, { answerVersions: versions });
  assert.equal(!touchOther.ok && touchOther.reason, 'invalid', 'households was not returned');
  const asStored = (k: string) => String(returned.answers.get(k) ?? '');
  const fixed = await save('officer', 'F1-S1', { population: '5,400', households: asStored('households'), area_km2: asStored('area_km2'), communities: asStored('communities') }, { answerVersions: versions });
  assert.ok(fixed.ok, JSON.stringify(fixed));
  const afterFix = await loadSubmissionContext(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.deepEqual([...changesSinceLastSent(afterFix)], [['population', [returned.answers.get('population'), 5400]]]);
  const resubmitted = await submitSubmission(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code, idempotencyKey: 'key-2' }, meta);
  assert.ok(resubmitted.ok && !resubmitted.replayed);
  await decideSubmission(t.deps, w.actors.province, { roundId: w.roundId, orgUnitCode: w.lao.code, decision: 'accepted', reason: null }, meta);
  const final = await loadSubmissionContext(t.deps, w.actors.executive, { roundId: w.roundId, orgUnitCode: w.lao.code });
  assert.equal(final.state, 'accepted');
  const told = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', w.users.officer.userId).execute();
  assert.deepEqual(told.map((n) => n.kind).sort(), ['submission_accepted', 'submission_returned']);
});

test('the task list shows each open round with its forms, deadline and state', async () => {
  const tasks = await listTasks(t.deps, w.actors.otherOfficer);
  assert.equal(tasks.length, 1);
  assert.equal(tasks[0]!.state, 'not_started');
  assert.equal(tasks[0]!.parts.length, 4);
  assert.ok(tasks[0]!.daysLeft > 0);
});
