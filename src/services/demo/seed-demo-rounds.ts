import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { findFrameworkVersion, findProgrammeByCode } from '../../db/queries/frameworks.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { insertSubmissions, insertValues, listRoundRespondentUnits, type SubmissionSeed, type ValueSeed } from '../../db/queries/submissions.ts';
import type { SubmissionState } from '../../db/schema.ts';
import { bangkokInstant, endOfBangkokDay, toBangkok } from '../../domain/dates/bangkok-time.ts';
import { fiscalYearBE } from '../../domain/dates/thai-date.ts';
import { formatProblem } from '../../domain/framework/read-framework-file.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { fiscalQuarterRange, type Quarter } from '../../domain/rounds/fiscal-quarter.ts';
import { importFramework } from '../framework/import-framework.ts';
import { listFrameworkFiles } from '../framework/framework-files.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { changeRoundState } from '../rounds/change-round-state.ts';
import { createRound } from '../rounds/create-round.ts';
import { generateQuarterlyRounds } from '../rounds/generate-quarterly-rounds.ts';
import { grantExtension } from '../rounds/grant-extension.ts';
import { addInternalDeadline } from '../rounds/add-internal-deadline.ts';
import { demoAnswers } from './demo-values.ts';
import { refreshResults } from '../results/refresh-results.ts';
import { answerKey, type Answers } from '../../domain/submission/check-section.ts';
import type { StoredValue } from '../../domain/submission/parse-field-value.ts';

// The demo's programmes: every shipped framework imported, and a round of each programme open today, with the
// demo respondents in different states; the ODLOC 2568 round as it really ran (21 Jul – 29 Aug 2568, extended for
// everyone to 26 Sep 2568) and a 2567 round (dates for the demo), both published with answers from nearly every LAO.

const meta = { actorUserId: null, ip: null, requestId: 'demo-seed' };
const day = 86_400_000;
/** The ten provinces left out of the 2567 national selection (seed 004). */
export const excludedFromOutstanding2567 = ['51', '24', '92', '82', '80', '49', '70', '16', '33', '84'];

export type DemoRespondents = { provinceCode: string; laoInProgressId: number; laoNotStartedId: number };

export async function seedDemoRounds(deps: Deps, demo: DemoRespondents): Promise<void> {
  for (const file of await listFrameworkFiles()) {
    const result = await importFramework(deps, null, { bytes: await fs.readFile(file), fileName: path.basename(file) }, meta);
    if (!result.ok) throw new Error(`shipped framework ${path.basename(file)} is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  const now = deps.clock.now();
  const today = toBangkok(now).date;
  const shift = (days: number) => toBangkok(new Date(bangkokInstant(today).getTime() + days * day)).date;
  const openToday = { opensAt: bangkokInstant(shift(-21)), dueAt: endOfBangkokDay(shift(30)), lateUntil: endOfBangkokDay(shift(37)), editClosesAt: endOfBangkokDay(shift(60)) };
  const fiscalYear = fiscalYearBE(now);

  // ODLOC: 2567 (the older report style) and 2568 as it ran, both published with data; this year's round open.
  const odloc = await programme(deps, 'odloc-minimum-standards');
  const odloc2567 = await createRound(deps, null, {
    programmeId: odloc, frameworkVersionId: await version(deps, 'odloc-2567'), title: 'การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี 2567 (รอบสาธิต)', fiscalYear: 2567, quarter: null,
    opensAt: bangkokInstant('2024-07-01'), dueAt: endOfBangkokDay('2024-08-30'), lateUntil: endOfBangkokDay('2024-09-13'), editClosesAt: endOfBangkokDay('2024-10-31'),
    laoTypes: null, provinceCodes: null, excludedProvinceCodes: [], demo: true,
  }, meta);
  await changeRoundState(deps, null, { roundId: odloc2567.roundId, to: 'open' }, meta);
  await fillRound(deps, odloc2567.roundId, (_unit, i) => (i % 19 === 3 ? null : { state: 'submitted', share: 1 }), bangkokInstant('2024-08-20'));
  await changeRoundState(deps, null, { roundId: odloc2567.roundId, to: 'closed' }, meta);
  await changeRoundState(deps, null, { roundId: odloc2567.roundId, to: 'published' }, meta);

  const odloc2568 = await version(deps, 'odloc-2568');
  const past = await createRound(deps, null, {
    programmeId: odloc, frameworkVersionId: odloc2568, title: 'การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี 2568', fiscalYear: 2568, quarter: null,
    opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31'),
    laoTypes: null, provinceCodes: null, excludedProvinceCodes: [],
  }, meta);
  await changeRoundState(deps, null, { roundId: past.roundId, to: 'open' }, meta);
  await grantExtension(deps, null, { roundId: past.roundId, scope: 'all', orgUnitId: null, newDueAt: endOfBangkokDay('2025-09-26'), reason: 'อปท. จำนวนมากยังไม่ได้บันทึกข้อมูล (หนังสือ สำนักงาน ก.ก.ถ. ขยายเวลาถึงวันที่ 26 กันยายน 2568)' }, meta);
  await fillRound(deps, past.roundId, (_unit, i) => (i % 25 === 7 ? null : { state: 'submitted', share: 1 }), bangkokInstant('2025-09-15'));
  await changeRoundState(deps, null, { roundId: past.roundId, to: 'closed' }, meta);
  await changeRoundState(deps, null, { roundId: past.roundId, to: 'published' }, meta);

  // ODLOC names a round by the year it runs in and collects the fiscal year before; the demo's open round is the
  // one after 2568, running late (dated around today).
  const odlocYear = Math.max(2569, fiscalYear - 1);
  {
    const current = await createRound(deps, null, {
      programmeId: odloc, frameworkVersionId: odloc2568, title: `การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี ${odlocYear} (รอบสาธิต)`, fiscalYear: odlocYear, quarter: null,
      ...openToday, laoTypes: null, provinceCodes: null, excludedProvinceCodes: [], demo: true,
    }, meta);
    await changeRoundState(deps, null, { roundId: current.roundId, to: 'open' }, meta);
    await fillRound(deps, current.roundId, (unit, i) => {
      if (unit.orgUnitId === demo.laoInProgressId) return { state: 'in_progress', share: 0.4 };
      if (unit.orgUnitId === demo.laoNotStartedId) return null;
      const r = (i * 7919) % 100;
      if (unit.provinceCode === demo.provinceCode) return r < 45 ? { state: 'submitted', share: 1 } : r < 75 ? { state: 'in_progress', share: 0.5 } : null;
      return r < 30 ? { state: 'submitted', share: 1 } : r < 50 ? { state: 'in_progress', share: 0.3 } : null;
    }, bangkokInstant(shift(-3)));
  }

  // DLA quarterly monitoring: this fiscal year's rounds by rule; the current quarter open.
  const monitoring = await programme(deps, 'dla-standards-monitoring');
  const quarter = currentQuarter(fiscalYear, today);
  const generated = await generateQuarterlyRounds(deps, null, { programmeId: monitoring, fiscalYear, fromQuarter: quarter, demo: true }, meta);
  if (generated.created[0]) {
    await changeRoundState(deps, null, { roundId: generated.created[0], to: 'open' }, meta);
    await fillRound(deps, generated.created[0], (unit, i) => (unit.provinceCode === demo.provinceCode ? { state: 'in_progress', share: 0.3 } : i % 3 === 0 ? { state: 'submitted', share: 1 } : null), bangkokInstant(shift(-2)));
  }

  // DLA outstanding offices: the provincial selection (ten provinces left out, as in 2567) and the district
  // selection inside the demo province, with the province's own earlier deadline for its divisions.
  const outstanding = await programme(deps, 'dla-outstanding-province-office');
  const province = await createRound(deps, null, {
    programmeId: outstanding, frameworkVersionId: await version(deps, 'dla-outstanding-province-2567'), title: `การคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ ${fiscalYear} (รอบสาธิต)`,
    fiscalYear, quarter: null, ...openToday, laoTypes: null, provinceCodes: null, excludedProvinceCodes: excludedFromOutstanding2567, demo: true,
  }, meta);
  await changeRoundState(deps, null, { roundId: province.roundId, to: 'open' }, meta);
  const demoProvince = await findOrgUnitByCode(deps.db, 'province', demo.provinceCode);
  await addInternalDeadline(deps, null, { roundId: province.roundId, provinceId: demoProvince?.id ?? null, title: 'กลุ่มงาน/ฝ่าย และท้องถิ่นอำเภอ รายงานผลต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', dueAt: endOfBangkokDay(shift(14)) }, meta);
  // Two in three other provinces have sent theirs, so DLA's ranking (/rounds/:id/ranking) ranks more than 40.
  await fillRound(deps, province.roundId, (unit, i) => (unit.provinceCode === demo.provinceCode ? { state: 'in_progress', share: 0.6 } : i % 3 !== 1 ? { state: 'submitted', share: 1 } : null), bangkokInstant(shift(-5)));

  const districtProgramme = await programme(deps, 'dla-outstanding-district-office');
  const district = await createRound(deps, null, {
    programmeId: districtProgramme, frameworkVersionId: await version(deps, 'dla-outstanding-district-2567'), title: `การคัดเลือกท้องถิ่นอำเภอดีเด่น ประจำปีงบประมาณ ${fiscalYear} (รอบสาธิต)`,
    fiscalYear, quarter: null, ...openToday, laoTypes: null, provinceCodes: [demo.provinceCode], excludedProvinceCodes: [], demo: true,
  }, meta);
  await changeRoundState(deps, null, { roundId: district.roundId, to: 'open' }, meta);
  await addInternalDeadline(deps, null, { roundId: district.roundId, provinceId: demoProvince?.id ?? null, title: 'ท้องถิ่นอำเภอรายงานผลต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', dueAt: endOfBangkokDay(shift(14)) }, meta);
  await fillRound(deps, district.roundId, (_unit, i) => (i % 3 === 0 ? { state: 'submitted', share: 1 } : i % 3 === 1 ? { state: 'in_progress', share: 0.5 } : null), bangkokInstant(shift(-4)));
}

function currentQuarter(fiscalYear: number, today: string): Quarter {
  for (const q of [1, 2, 3, 4] as Quarter[]) if (today <= fiscalQuarterRange(fiscalYear, q).last) return q;
  return 4;
}

async function programme(deps: Deps, code: string): Promise<number> {
  const p = await findProgrammeByCode(deps.db, code);
  if (!p) throw new Error(`demo: programme ${code} missing from frameworks/`);
  return p.id;
}

async function version(deps: Deps, code: string): Promise<number> {
  const v = await findFrameworkVersion(deps.db, { code });
  if (!v) throw new Error(`demo: framework ${code} missing from frameworks/`);
  return v.id;
}

type Plan = { state: SubmissionState; share: number } | null;

/** Submissions and answers for a round's respondents, in bulk. */
async function fillRound(deps: Deps, roundId: number, plan: (unit: { orgUnitId: number; provinceCode: string | null }, index: number) => Plan, at: Date): Promise<void> {
  const round = await deps.db.selectFrom('rounds').select('framework_version_id').where('id', '=', roundId).executeTakeFirstOrThrow();
  const { doc } = await loadFrameworkVersion(deps.db, { id: round.framework_version_id });
  const units = await listRoundRespondentUnits(deps.db, roundId);
  const submissions: SubmissionSeed[] = [];
  const values: ValueSeed[] = [];
  units.forEach((unit, i) => {
    const p = plan(unit, i);
    if (!p) return;
    const submitted = p.state === 'submitted';
    submissions.push({ orgUnitId: unit.orgUnitId, state: p.state, startedAt: new Date(at.getTime() - ((i % 9) + 1) * day), submittedAt: submitted ? new Date(at.getTime() - (i % 5) * 3600_000) : null, submittedBy: null });
    const audience = doc.programme.respondents === 'lao' ? (unit.laoType as LaoType) : null;
    for (const a of demoAnswers(doc, audience, String(unit.orgUnitId), p.share)) values.push({ orgUnitId: unit.orgUnitId, ...a });
  });
  await deps.db.transaction().execute(async (trx) => {
    const ids = await insertSubmissions(trx, roundId, submissions);
    await insertValues(trx, ids, values, null);
    // Results, as a save would leave them.
    const byUnit = new Map<number, Answers>();
    for (const v of values) {
      if (!byUnit.has(v.orgUnitId)) byUnit.set(v.orgUnitId, new Map());
      byUnit.get(v.orgUnitId)!.set(answerKey(v.fieldKey, v.itemCode), v.value as StoredValue);
    }
    const laoTypes = new Map(units.map((u) => [u.orgUnitId, u.laoType]));
    await refreshResults(trx, [...ids].map(([orgUnitId, submissionId]) => ({
      submissionId, frameworkVersionId: round.framework_version_id, doc,
      audience: doc.programme.respondents === 'lao' ? (laoTypes.get(orgUnitId) as LaoType) : null, answers: byUnit.get(orgUnitId) ?? new Map(),
    })), at, { fresh: true });
  });
}

/** The demo LAOs of the demo accounts: the first officer's LAO is in progress, the second officer's not started. */
export async function findDemoRespondents(deps: Deps, provinceCode: string): Promise<DemoRespondents | null> {
  const rows = await deps.db.selectFrom('memberships').innerJoin('user', 'user.id', 'memberships.user_id')
    .select(['user.username', 'memberships.org_unit_id as unitId']).where('user.username', 'in', ['demo.lao_officer', 'demo.lao_officer2']).execute();
  const first = rows.find((r) => r.username === 'demo.lao_officer');
  const second = rows.find((r) => r.username === 'demo.lao_officer2');
  if (!first) return null;
  return { provinceCode, laoInProgressId: Number(first.unitId), laoNotStartedId: Number(second?.unitId ?? -1) };
}
