import { visibleFields } from '../../src/domain/framework/framework-view.ts';
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/domain/access/actor.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/web.ts';

// A small world for data entry: the ODLOC 2568 framework, an open round (21 Jul – 29 Aug 2568, clock inside it),
// a เทศบาลตำบล and an อบต. in อำเภอ 2206, their officers and executive, the district and provincial offices.
export const meta = { actorUserId: null, ip: null, requestId: 'test' };

export type EntryWorld = {
  roundId: number; lao: { id: number; code: string; path: string }; otherLao: { id: number; code: string; path: string };
  actors: Record<'officer' | 'officer2' | 'executive' | 'otherOfficer' | 'district' | 'province', Actor>;
  users: Record<'officer' | 'officer2' | 'executive' | 'otherOfficer' | 'district' | 'province', TestUser>;
};

export async function buildEntryWorld(t: TestApp, codes = { lao: '8100001', other: '8100002' }): Promise<EntryWorld> {
  for (const name of ['odloc-minimum-standards-2567.yaml', 'odloc-minimum-standards-2568.yaml']) {
    const file = path.resolve(import.meta.dirname, '../../frameworks', name);
    const code = name.replace('odloc-minimum-standards-', 'odloc-').replace('.yaml', '');
    if (await t.deps.db.selectFrom('framework_versions').select('id').where('code', '=', code).executeTakeFirst()) continue;
    const r = await importFramework(t.deps, null, { bytes: fs.readFileSync(file), fileName: name }, meta);
    if (!r.ok) throw new Error(`framework ${name} did not import`);
  }
  const version = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('code', '=', 'odloc-2568').executeTakeFirstOrThrow();
  const lao = await createLao(t.deps.db, { code: codes.lao, nameTh: 'เทศบาลตำบลทดสอบ', laoType: 'subdistrict', districtCode: '2206' });
  const otherLao = await createLao(t.deps.db, { code: codes.other, nameTh: 'องค์การบริหารส่วนตำบลทดสอบ', laoType: 'sao', districtCode: '2206' });
  const taken = await t.deps.db.selectFrom('rounds').select('fiscal_year').where('programme_id', '=', version.programme_id).execute();
  const fiscalYear = 2568 + taken.length * 10;
  const { roundId } = await createRound(t.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: 'ODLOC 2568 ทดสอบ', fiscalYear, quarter: null,
    opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31'),
    laoTypes: null, provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);
  t.clock.set(bangkokInstant('2025-07-20'));
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, meta);
  t.clock.set(bangkokInstant('2025-08-01', '10:00'));
  const make = async (role: Role, unit: string) => createUserWithRole(t.deps, role, unit);
  const users = {
    officer: await make('lao_officer', codes.lao), officer2: await make('lao_officer', codes.lao), executive: await make('lao_executive', codes.lao),
    otherOfficer: await make('lao_officer', codes.other), district: await make('district_office', '2206'), province: await make('province_office', '22'),
  };
  const actors = {} as EntryWorld['actors'];
  for (const [k, u] of Object.entries(users)) actors[k as keyof typeof users] = (await loadActor(t.deps.db, u.userId))!;
  return { roundId, lao, otherLao, actors, users };
}

/** Every section answered with plausible values, and evidence recorded where the framework asks for it. */
export async function fillEverything(t: TestApp, w: EntryWorld, opts: { orgUnitCode?: string; values?: Record<string, string>; actor?: Actor } = {}): Promise<void> {
  const orgUnitCode = opts.orgUnitCode ?? w.lao.code;
  const actor = opts.actor ?? (orgUnitCode === w.otherLao.code ? w.actors.otherOfficer : w.actors.officer);
  const { saveSection } = await import('../../src/services/submissions/save-section.ts');
  const { loadSubmissionContext } = await import('../../src/services/submissions/load-submission.ts');
  const { findGaps } = await import('../../src/services/submissions/check-completeness.ts');
  const load = () => loadSubmissionContext(t.deps, actor, { roundId: w.roundId, orgUnitCode });
  const first = await load();
  const { doc } = first.version;
  const shown = visibleFields(doc, first.audience);
  const sections = [...new Map(shown.map(({ section }) => [section.code, section])).values()];
  for (const section of sections) {
    const raw: Record<string, string> = {};
    for (const { field: f } of shown.filter((v) => v.section.code === section.code)) {
      raw[f.key] = f.type === 'text' || f.type === 'longtext' ? 'ข้อมูลทดสอบ' : f.type === 'yesno' ? 'yes' : f.type === 'choice' ? f.choices![0]!.value : f.type === 'date' ? '01/10/2567' : f.type === 'percent' ? '80' : f.key.endsWith('_total') || f.key === 'revenue_total' ? '100' : '0';
    }
    for (const [key, value] of Object.entries(opts.values ?? {})) if (key in raw) raw[key] = value;
    const answerVersions = Object.fromEntries((await load()).rows.map((v) => [v.fieldKey, v.version]));
    const r = await saveSection(t.deps, actor, { roundId: w.roundId, orgUnitCode, sectionCode: section.code, raw, complete: true, answerVersions }, meta);
    if (!r.ok) throw new Error(`${section.code}: ${JSON.stringify(r)}`);
  }
  const ctx = await load();
  const { recordEvidence } = await import('../support/submission-pages.ts');
  await recordEvidence(t, ctx.submission!.id, (await findGaps(t.deps.db, ctx)).filter((g) => g.kind === 'missing_evidence').map((g) => g.name.replace('evidence-', '')));
}
