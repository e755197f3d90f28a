import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { insertSubmissions, insertValues } from '../../src/db/queries/submissions.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { loadSubmissionContext } from '../../src/services/submissions/load-submission.ts';
import { saveSection } from '../../src/services/submissions/save-section.ts';
import { meta, type EntryWorld } from '../submissions/support.ts';
import { Browser, type TestApp } from './web.ts';

// Helpers for the data-entry page tests (test/web/section-page, review, tasks): signing in, last year's round,
// filling a whole submission, a DLA office programme, and reading what a page shows.

export async function signedIn(t: TestApp, user: { username: string; password: string }): Promise<Browser> {
  const b = new Browser(t.app);
  const res = await b.signIn(user.username, user.password);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return b;
}

/** The ODLOC 2567 round, closed, with the LAO's answers: "last year" for the 2568 round. */
export async function lastYearRound(t: TestApp, w: EntryWorld, values: Record<string, unknown>): Promise<number> {
  const version = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('code', '=', 'odloc-2567').executeTakeFirstOrThrow();
  const { roundId } = await createRound(t.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: 'ODLOC 2567 ทดสอบ', fiscalYear: 2567, quarter: null,
    opensAt: bangkokInstant('2024-07-01'), dueAt: endOfBangkokDay('2024-08-30'), lateUntil: endOfBangkokDay('2024-08-30'), editClosesAt: endOfBangkokDay('2024-10-31'),
    laoTypes: null, provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);
  await sql`update rounds set state = 'closed' where id = ${roundId}`.execute(t.deps.db);
  const ids = await insertSubmissions(t.deps.db, roundId, [{ orgUnitId: w.lao.id, state: 'accepted', startedAt: new Date('2024-07-02'), submittedAt: new Date('2024-08-01'), submittedBy: null }]);
  await insertValues(t.deps.db, ids, Object.entries(values).map(([fieldKey, value]) => ({ orgUnitId: w.lao.id, fieldKey, itemCode: '', value })), null);
  return roundId;
}

export async function recordEvidence(t: TestApp, submissionId: number, indicatorCodes: string[]): Promise<void> {
  for (const code of indicatorCodes) {
    await t.deps.db.insertInto('evidence').values({ submission_id: submissionId, indicator_code: code, file_name: 'หลักฐาน.pdf', content_type: 'application/pdf', size_bytes: 10, sha256: 'x', storage_key: 'test' }).execute();
  }
}

/** A quarterly round of DLA's standards-monitoring programme, answered by the provincial office of province 22. */
export async function officeRound(t: TestApp): Promise<{ roundId: number; officeCode: string }> {
  const file = path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml');
  const imported = await importFramework(t.deps, null, { bytes: fs.readFileSync(file), fileName: 'dla-standards-monitoring.yaml' }, meta);
  if (!imported.ok) throw new Error('dla-standards-monitoring.yaml did not import');
  const version = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('id', '=', imported.versionId).executeTakeFirstOrThrow();
  const now = t.clock.now();
  const { roundId } = await createRound(t.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: 'ติดตามมาตรฐาน ไตรมาส ๔/๒๕๖๘ ทดสอบ', fiscalYear: 2568, quarter: 4,
    opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31'),
    laoTypes: null, provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);
  t.clock.set(bangkokInstant('2025-07-20'));
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, meta);
  t.clock.set(now);
  return { roundId, officeCode: 'PO22' };
}

/** The hidden answer versions a page carries (`_v__<name>`). */
export function versionsIn(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/name="_v__([^"]+)" value="(\d+)"/g)) out[`_v__${m[1]}`] = m[2]!;
  return out;
}

/** The part of a page that shows one answer (from its block to the next answer's). */
export function fieldBlock(html: string, name: string): string {
  const start = html.indexOf(`id="${name}-answer"`);
  if (start < 0) return '';
  const next = html.indexOf('-answer"', start + name.length + 12);
  return html.slice(start, next < 0 ? undefined : next);
}
