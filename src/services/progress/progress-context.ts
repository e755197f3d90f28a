import type { Deps } from '../../deps.ts';
import { findProgrammeById, type ProgrammeRow } from '../../db/queries/frameworks.ts';
import { findPlace, listPlaces, type ProgressArea } from '../../db/queries/progress.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { decideProgressScope, progressReaches, scopeCovers, type ProgressPurpose, type ProgressScope } from '../../domain/progress/progress-scope.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';

// What every progress page starts from: the round, who may see which part of it, and the area asked for (a
// province, a district, an LAO type) checked against the register and the actor's reach.

export type ProgressQuery = { roundId: number; provinceCode: string | null; districtCode: string | null; laoType: LaoType | null };
export type Place = { code: string; name: string };

export type ProgressContext = {
  round: RoundRow;
  programme: ProgrammeRow;
  doc: FrameworkDocument;
  reaches: ProgressScope[];
  scope: ProgressScope;
  area: ProgressArea & { laoType: LaoType | null };
  province: Place | null;
  district: Place | null;
  /** The LAO types this round asks of (empty for office programmes). */
  laoTypes: LaoType[];
  /** May open the respondent list (names, people, e-mail)? */
  seesRespondents: boolean;
  /** For the filter form: the provinces and districts the actor may choose among. */
  provinceChoices: Place[];
  districtChoices: Place[];
};

export type ContextResult =
  | { ok: true; ctx: ProgressContext }
  | { ok: false; errors: Record<string, string>; round: RoundRow; laoTypes: LaoType[] };

export async function loadProgressContext(deps: Pick<Deps, 'db'>, actor: Actor, q: ProgressQuery, purpose: ProgressPurpose): Promise<ContextResult> {
  const round = await findRound(deps.db, q.roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  const reaches = progressReaches(actor, purpose);
  if (!reaches.length) throw new DomainError('forbidden', 'progress');
  const [programme, version] = await Promise.all([findProgrammeById(deps.db, round.programmeId), loadFrameworkVersion(deps.db, { id: round.frameworkVersionId })]);
  if (!programme) throw new DomainError('not_found', 'round_not_found');
  const laoTypes = (programme.respondents === 'lao' ? round.laoTypes ?? version.doc.laoTypes ?? [] : []) as LaoType[];

  const errors: Record<string, string> = {};
  const [province, district] = await Promise.all([
    q.provinceCode ? findPlace(deps.db, 'province', q.provinceCode) : undefined,
    q.districtCode ? findPlace(deps.db, 'district', q.districtCode) : undefined,
  ]);
  if (q.provinceCode && !province) errors.province = `ไม่พบจังหวัดรหัส ${q.provinceCode} เลือกจังหวัดจากรายการ`;
  if (q.districtCode && !district) errors.district = `ไม่พบอำเภอรหัส ${q.districtCode} เลือกอำเภอจากรายการ`;
  if (province && district && district.provinceCode !== province.code) errors.district = `อำเภอ${district.name}ไม่อยู่ในจังหวัด${province.name} เลือกอำเภอใหม่ หรือเลือกทุกอำเภอ`;
  if (q.laoType && programme.respondents !== 'lao') errors.type = 'รอบนี้ผู้ตอบเป็นสำนักงาน ไม่แยกตามประเภท อปท.';
  else if (q.laoType && !laoTypes.includes(q.laoType)) errors.type = 'รอบนี้ไม่มี อปท. ประเภทนี้ เลือกประเภทจากรายการ';
  if (Object.keys(errors).length) return { ok: false, errors, round, laoTypes };

  const provinceCode = district?.provinceCode ?? province?.code ?? null;
  const decision = decideProgressScope(reaches, { provinceCode, districtCode: district?.code ?? null });
  if (!decision.ok) throw new DomainError('forbidden', 'progress');
  const { scope } = decision;
  const scopeProvince = scope.level === 'nation' ? null : scope.provinceCode;
  const scopeDistrict = scope.level === 'district' ? scope.districtCode : null;

  const nation = reaches.some((r) => r.level === 'nation');
  const [allProvinces, districts] = await Promise.all([
    listPlaces(deps.db, { kind: 'province' }),
    scopeProvince ? listPlaces(deps.db, { kind: 'district', provinceCode: scopeProvince }) : Promise.resolve([]),
  ]);
  const inReach = (d: Place) => scopeProvince !== null && reaches.some((r) => scopeCovers(r, { level: 'district', provinceCode: scopeProvince, districtCode: d.code }));
  const name = (list: Place[], code: string | null) => (code ? list.find((p) => p.code === code) ?? { code, name: code } : null);
  return {
    ok: true,
    ctx: {
      round, programme, doc: version.doc, reaches, scope,
      area: { provinceCode: scopeProvince, districtCode: scopeDistrict, laoType: q.laoType },
      province: name(allProvinces, scopeProvince), district: name(districts, scopeDistrict), laoTypes,
      seesRespondents: progressReaches(actor, 'respondents').some((r) => decideProgressScope([r], { provinceCode: scopeProvince, districtCode: scopeDistrict }).ok),
      provinceChoices: nation ? allProvinces : allProvinces.filter((p) => reaches.some((r) => r.level !== 'nation' && r.provinceCode === p.code)),
      districtChoices: districts.filter(inReach),
    },
  };
}
