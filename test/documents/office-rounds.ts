import fs from 'node:fs';
import path from 'node:path';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import type { TestApp } from '../support/web.ts';

// Rounds of DLA's office programmes for document tests and the authorisation matrix: the quarterly monitoring of
// the standards manual and the outstanding-office selections, opened around the test clock. Each imports its
// shipped framework under a version code of its own, so a draft another test edits is never frozen by it.

const meta = { actorUserId: null, ip: null, requestId: 'test' };
const day = 24 * 60 * 60 * 1000;
let made = 0;

async function openRound(t: TestApp, file: string, opts: { quarter?: number | null; provinceCodes?: string[] | null; title: string }): Promise<number> {
  const n = ++made;
  const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../frameworks', file), 'utf8');
  const renamed = source.replace(/^(version:\n {2}code: )(\S+)$/m, `$1$2-t${n}`);
  if (renamed === source) throw new Error(`${file}: no version code to rename`);
  const imported = await importFramework(t.deps, null, { bytes: Buffer.from(renamed, 'utf8'), fileName: file }, meta);
  if (!imported.ok) throw new Error(`${file} did not import: ${JSON.stringify(imported.problems.slice(0, 3))}`);
  const version = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('id', '=', imported.versionId).executeTakeFirstOrThrow();
  const now = t.clock.now().getTime();
  const dueAt = new Date(now + 30 * day);
  const { roundId } = await createRound(t.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: opts.title, fiscalYear: 2600 + n, quarter: opts.quarter ?? null,
    opensAt: new Date(now - day), dueAt, lateUntil: dueAt, editClosesAt: new Date(dueAt.getTime() + 14 * day),
    laoTypes: null, provinceCodes: opts.provinceCodes ?? null, excludedProvinceCodes: [],
  }, meta);
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, meta);
  return roundId;
}

/** An open quarterly round of DLA's standards monitoring (the provincial offices answer). */
export function quarterlyMonitoringRound(t: TestApp, provinceCodes: string[] | null = null): Promise<number> {
  return openRound(t, 'dla-standards-monitoring.yaml', { quarter: 2, provinceCodes, title: 'ติดตามมาตรฐาน ไตรมาสที่ 2 (ทดสอบ)' });
}

/** An open round of the outstanding provincial-office selection. */
export function outstandingProvinceRound(t: TestApp, provinceCodes: string[] | null = null): Promise<number> {
  return openRound(t, 'dla-outstanding-province-office-2567.yaml', { provinceCodes, title: 'คัดเลือกท้องถิ่นจังหวัดดีเด่น (ทดสอบ)' });
}

/** An open round of the outstanding district-office selection. */
export function outstandingDistrictRound(t: TestApp, provinceCodes: string[] | null = null): Promise<number> {
  return openRound(t, 'dla-outstanding-district-office-2567.yaml', { provinceCodes, title: 'คัดเลือกท้องถิ่นอำเภอดีเด่น (ทดสอบ)' });
}
