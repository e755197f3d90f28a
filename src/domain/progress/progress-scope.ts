import type { Actor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { laoTypeLabels, type LaoType } from '../org/lao-type.ts';

// Whose progress an actor may follow in a round, and at what level. The programme owners (and a national
// committee) see the nation; a provincial office or provincial committee its province; a district office its
// district. The respondent list (names, people, e-mail addresses) is for the offices and owners only: committee
// members follow the figures.

export type ProgressScope =
  | { level: 'nation' }
  | { level: 'province'; provinceCode: string }
  | { level: 'district'; provinceCode: string; districtCode: string };

export type ProgressPurpose = 'summary' | 'respondents';

const rolesFor: Record<ProgressPurpose, readonly Role[]> = {
  summary: ['programme_admin', 'system_admin', 'committee_member', 'province_office', 'district_office'],
  respondents: ['programme_admin', 'system_admin', 'province_office', 'district_office'],
};

/** The widest scopes the actor's memberships give, widest first, without one inside another. */
export function progressReaches(actor: Actor, purpose: ProgressPurpose): ProgressScope[] {
  const found: ProgressScope[] = [];
  for (const m of actor.memberships) {
    if (!rolesFor[purpose].includes(m.role)) continue;
    // DOPA geocodes: a district's four digits start with its province's two.
    if (m.unitKind === 'country') found.push({ level: 'nation' });
    else if (m.unitKind === 'province') found.push({ level: 'province', provinceCode: m.unitCode });
    else if (m.unitKind === 'district') found.push({ level: 'district', provinceCode: m.unitCode.slice(0, 2), districtCode: m.unitCode });
  }
  const order = { nation: 0, province: 1, district: 2 };
  const sorted = found.sort((a, b) => order[a.level] - order[b.level]);
  const out: ProgressScope[] = [];
  for (const s of sorted) if (!out.some((o) => scopeCovers(o, s))) out.push(s);
  return out;
}

/** Is `inner` at or inside `outer`? */
export function scopeCovers(outer: ProgressScope, inner: ProgressScope): boolean {
  if (outer.level === 'nation') return true;
  if (inner.level === 'nation') return false;
  if (outer.level === 'province') return inner.provinceCode === outer.provinceCode;
  return inner.level === 'district' && inner.districtCode === outer.districtCode;
}

export type ScopeDecision = { ok: true; scope: ProgressScope } | { ok: false; reason: 'no_role' | 'outside_reach' };

/** The scope asked for (a district, a province, or nothing: the actor's widest), if the actor reaches it. */
export function decideProgressScope(reaches: ProgressScope[], asked: { provinceCode: string | null; districtCode: string | null }): ScopeDecision {
  if (!reaches.length) return { ok: false, reason: 'no_role' };
  let scope: ProgressScope;
  if (asked.districtCode) scope = { level: 'district', provinceCode: asked.provinceCode ?? asked.districtCode.slice(0, 2), districtCode: asked.districtCode };
  else if (asked.provinceCode) scope = { level: 'province', provinceCode: asked.provinceCode };
  else scope = reaches[0]!;
  return reaches.some((r) => scopeCovers(r, scope)) ? { ok: true, scope } : { ok: false, reason: 'outside_reach' };
}

/** The level the breakdown table goes down to: provinces for the nation, districts for a province. */
export function breakdownLevel(scope: ProgressScope): 'province' | 'district' | null {
  return scope.level === 'nation' ? 'province' : scope.level === 'province' ? 'district' : null;
}

/** "ทั้งประเทศ", "จังหวัดนครราชสีมา", "อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา", with "เฉพาะเทศบาลตำบล" for a type. */
export function areaInWords(p: { province: { name: string } | null; district: { name: string } | null; laoType: LaoType | null }): string {
  const place = p.district ? `อำเภอ${p.district.name} จังหวัด${p.province?.name ?? ''}` : p.province ? `จังหวัด${p.province.name}` : 'ทั้งประเทศ';
  return p.laoType ? `${place} เฉพาะ${laoTypeLabels[p.laoType].full}` : place;
}
