import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { findProgrammeByCode } from '../../src/db/queries/frameworks.ts';
import { insertExtension } from '../../src/db/queries/rounds.ts';
import { insertSubmissions, insertValues, type SubmissionSeed, type ValueSeed } from '../../src/db/queries/submissions.ts';
import type { SubmissionState } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import type { FrameworkDocument } from '../../src/domain/framework/framework-schema.ts';
import type { LaoType } from '../../src/domain/org/lao-type.ts';
import { respondentDeadline, type ExtensionFact } from '../../src/domain/rounds/entry-window.ts';
import { loadFrameworkVersion } from '../../src/services/framework/load-framework-version.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { loadExtensionFacts } from '../../src/services/rounds/extension-facts.ts';
import { listAnswerSlots } from '../../src/services/submissions/answer-slots.ts';
import type { TestApp } from '../support/web.ts';

// A round of ODLOC 2568 with a few hundred LAOs in three provinces, in every state a round passes through: not
// started, in progress with some areas complete, awaiting the executive, returned, sent on time, sent at the
// deadline's last second, sent one second late, sent late but inside an extension, accepted. Extensions: for all
// (one day), for จันทบุรี (ten days), for one LAO of ชลบุรี (twelve days); a pending and a refused request and a
// "granted" date before the due date, none of which may move anyone.

export const meta = { actorUserId: null, ip: null, requestId: 'test' };
const day = 86_400_000;
export const districtsUsed = ['2201', '2206', '2207', '2001', '2004', '3001', '3002'];
const typeCycle: LaoType[] = ['sao', 'sao', 'subdistrict', 'sao', 'town', 'subdistrict', 'sao', 'city', 'sao', 'subdistrict'];

export type ProgressWorld = {
  roundId: number;
  doc: FrameworkDocument;
  dueAt: Date;
  now: Date;
  /** Org unit ids of the respondents, in creation order. */
  laoIds: number[];
  /** The LAO of ชลบุรี with its own extension. */
  extendedLao: number;
};

/** An actor with one membership, as loadActor would build it (the services read only the memberships). */
export function actorOf(role: Role, unit: { id: number; code: string; kind: string; path: string }): Actor {
  return { userId: `u-${role}-${unit.code}`, username: null, name: role, email: `${role}@test.example`, twoFactorEnabled: false, memberships: [{ id: 1, role, unitId: unit.id, unitCode: unit.code, unitKind: unit.kind, unitPath: unit.path, unitNameTh: unit.code, officeUnitId: null }] };
}

export async function unitOf(t: TestApp, kind: string, code: string) {
  return t.deps.db.selectFrom('org_units').select(['id', 'code', 'kind', 'path']).where('kind', '=', kind).where('code', '=', code).executeTakeFirstOrThrow();
}

/** LAOs in bulk under the given districts (and one อบจ. per province under the province itself). */
async function createLaos(t: TestApp, perDistrict: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  let n = 0;
  for (const districtCode of districtsUsed) {
    const types = Array.from({ length: perDistrict }, (_, i) => typeCycle[(n + i) % typeCycle.length]!);
    const rows = await sql<{ id: number }>`
      insert into org_units (kind, code, parent_id, path, name_th, lao_type, province_code, district_code)
      select 'lao', ${prefix} || ${districtCode} || lpad(i::text, 3, '0'), d.id, '', 'อปท.ทดสอบ ' || ${districtCode} || '-' || lpad(i::text, 3, '0'), (${types}::text[])[i], d.province_code, d.code
      from org_units d cross join generate_series(1, ${perDistrict}) i where d.kind = 'district' and d.code = ${districtCode}
      returning id`.execute(t.deps.db);
    ids.push(...rows.rows.map((r) => r.id));
    n += perDistrict;
  }
  for (const provinceCode of [...new Set(districtsUsed.map((d) => d.slice(0, 2)))]) {
    const row = await sql<{ id: number }>`
      insert into org_units (kind, code, parent_id, path, name_th, lao_type, province_code)
      select 'lao', ${prefix} || ${provinceCode} || 'P', p.id, '', 'องค์การบริหารส่วนจังหวัดทดสอบ ' || p.name_th, 'pao', p.code from org_units p where p.kind = 'province' and p.code = ${provinceCode}
      returning id`.execute(t.deps.db);
    ids.push(row.rows[0]!.id);
  }
  await sql`update org_units o set path = p.path || o.id || '/' from org_units p where o.parent_id = p.id and o.path = ''`.execute(t.deps.db);
  return ids;
}

export async function importOdloc2568(t: TestApp): Promise<{ versionId: number; programmeId: number }> {
  const existing = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('code', '=', 'odloc-2568').executeTakeFirst();
  if (existing) return { versionId: existing.id, programmeId: existing.programme_id };
  for (const name of ['odloc-minimum-standards-2567.yaml', 'odloc-minimum-standards-2568.yaml']) {
    const r = await importFramework(t.deps, null, { bytes: fs.readFileSync(path.resolve(import.meta.dirname, '../../frameworks', name)), fileName: name }, meta);
    if (!r.ok) throw new Error(`${name} did not import`);
  }
  const v = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('code', '=', 'odloc-2568').executeTakeFirstOrThrow();
  return { versionId: v.id, programmeId: (await findProgrammeByCode(t.deps.db, 'odloc-minimum-standards'))!.id };
}

export async function buildProgressWorld(t: TestApp, opts: { perDistrict?: number; prefix?: string } = {}): Promise<ProgressWorld> {
  const { versionId, programmeId } = await importOdloc2568(t);
  const laoIds = await createLaos(t, opts.perDistrict ?? 40, opts.prefix ?? '9');
  // A special-type unit the round does not ask of: never expected, never counted.
  await sql`insert into org_units (kind, code, parent_id, path, name_th, lao_type, province_code, district_code)
    select 'lao', ${`${opts.prefix ?? '9'}SPECIAL`}, d.id, d.path, 'เมืองพิเศษทดสอบ', 'special', d.province_code, d.code from org_units d where d.kind = 'district' and d.code = '2004'`.execute(t.deps.db);
  const dueAt = endOfBangkokDay('2025-08-29');
  t.clock.set(bangkokInstant('2025-07-20'));
  const { roundId } = await createRound(t.deps, null, {
    programmeId, frameworkVersionId: versionId, title: 'ODLOC 2568 ความก้าวหน้า', fiscalYear: 2568, quarter: null,
    opensAt: bangkokInstant('2025-07-21'), dueAt, lateUntil: new Date(dueAt.getTime() + 20 * day), editClosesAt: new Date(dueAt.getTime() + 40 * day),
    laoTypes: ['pao', 'city', 'town', 'subdistrict', 'sao'], provinceCodes: ['22', '20', '30'], excludedProvinceCodes: [],
  }, meta);
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, meta);
  const respondents = await t.deps.db.selectFrom('round_respondents').select(['org_unit_id as id', 'province_code as provinceCode', 'lao_type as laoType']).where('round_id', '=', roundId).orderBy('org_unit_id').execute();
  const mine = respondents.filter((r) => laoIds.includes(r.id));

  const province = (code: string) => t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'province').where('code', '=', code).executeTakeFirstOrThrow();
  const extendedLao = mine.find((r, i) => r.provinceCode === '20' && i % 10 === 7)!.id;
  const grant = (scope: 'all' | 'province' | 'respondent', orgUnitId: number | null, newDueAt: Date, status: 'granted' | 'requested' | 'refused' = 'granted') =>
    insertExtension(t.deps.db, { roundId, scope, orgUnitId, newDueAt, reason: 'ทดสอบ', status, requestedBy: null, requestedAt: bangkokInstant('2025-08-20') });
  await grant('all', null, new Date(dueAt.getTime() + day));
  await grant('province', (await province('22')).id, new Date(dueAt.getTime() + 10 * day));
  await grant('province', (await province('30')).id, new Date(dueAt.getTime() - day)); // not later: moves no one
  await grant('respondent', extendedLao, new Date(dueAt.getTime() + 12 * day));
  await grant('respondent', mine[9]!.id, new Date(dueAt.getTime() + 30 * day), 'requested');
  await grant('respondent', mine[19]!.id, new Date(dueAt.getTime() + 30 * day), 'refused');

  const round = { state: 'open' as const, opensAt: bangkokInstant('2025-07-21'), dueAt, lateUntil: new Date(dueAt.getTime() + 20 * day), editClosesAt: new Date(dueAt.getTime() + 40 * day) };
  const facts: ExtensionFact[] = await loadExtensionFacts(t.deps.db, roundId);
  const { doc } = await loadFrameworkVersion(t.deps.db, { id: versionId });

  // The dashboard is read six days after the due date: the extension for จันทบุรี (ten days) and the one LAO's
  // (twelve) still run, so what would be sent after today is sent an hour ago instead.
  const now = new Date(dueAt.getTime() + 6 * day);
  const submissions: SubmissionSeed[] = [];
  const values: ValueSeed[] = [];
  const answer = (orgUnitId: number, audience: LaoType, sections: string[] | 'all', blank: 'json' | 'sql' | null = null) => {
    const slots = listAnswerSlots(doc, audience).filter((s) => s.required && (sections === 'all' || sections.includes(s.section.code)));
    slots.forEach((s, i) => values.push({ orgUnitId, fieldKey: s.field.key, itemCode: s.item.code, value: blank && i === slots.length - 1 ? (blank === 'json' ? 'null' : null) : s.field.type === 'yesno' ? true : s.field.type === 'text' ? 'ข้อมูล' : 1 }));
  };
  mine.forEach((r, i) => {
    const deadline = respondentDeadline(round, facts, { orgUnitId: r.id, provinceCode: r.provinceCode }).deadline;
    const audience = r.laoType as LaoType;
    const at = (ms: number) => new Date(Math.min(ms, now.getTime() - 3_600_000));
    const plan: [SubmissionState, Date | null] | null = (() => {
      switch (i % 12) {
        case 0: case 1: return null;
        case 2: answer(r.id, audience, ['F2-1-S1', 'F2-1-S2']); return ['in_progress', null];
        case 3: answer(r.id, audience, ['F1-S1', 'F1-S3', 'F2-2-S1', 'F2-2-S2', 'F2-3-S1', 'F2-3-S2'], i % 24 === 3 ? 'json' : 'sql'); return ['in_progress', null];
        case 4: answer(r.id, audience, 'all'); return ['awaiting_approval', null];
        case 5: answer(r.id, audience, 'all'); return ['returned', at(deadline.getTime() - 3 * day)];
        case 6: answer(r.id, audience, 'all'); return ['submitted', at(deadline.getTime() - 5 * day)];
        case 7: answer(r.id, audience, 'all'); return ['submitted', at(dueAt.getTime() + 5 * day)]; // late unless extended past it
        case 8: answer(r.id, audience, 'all'); return ['accepted', at(deadline.getTime() + 999)]; // the deadline's own second
        case 9: answer(r.id, audience, 'all'); return ['submitted', at(deadline.getTime() + 1000)]; // one second late
        case 10: answer(r.id, audience, ['F1-S1', 'F1-S2', 'F1-S3']); return ['in_progress', null];
        default: answer(r.id, audience, 'all'); return ['accepted', at(deadline.getTime() - day)];
      }
    })();
    if (plan) submissions.push({ orgUnitId: r.id, state: plan[0], startedAt: bangkokInstant('2025-07-25'), submittedAt: plan[1], submittedBy: null });
  });
  const ids = await insertSubmissions(t.deps.db, roundId, submissions);
  await insertValues(t.deps.db, ids, values, null);
  // the JSON null above was written as a string: make it a real JSON null, as a cleared answer is stored
  await sql`update submission_values set value = 'null'::jsonb where value = '"null"'::jsonb`.execute(t.deps.db);
  t.clock.set(now);
  return { roundId, doc, dueAt, now, laoIds: mine.map((r) => r.id), extendedLao };
}
