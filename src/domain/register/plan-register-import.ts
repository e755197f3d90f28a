import type { LaoType } from '../org/lao-type.ts';
import type { RegisterRow } from './register-row.ts';
import { previousDay } from './register-values.ts';

// What importing a register would do to the LAOs in the org tree. The file is the whole register as of the
// import date (`asOf`, a Bangkok calendar date):
// - a code not yet known is added, valid from the file's valid_from or else `asOf`;
// - an open LAO whose name, English name, type, province, district, start date or generated mark differs is
//   updated (a district or province change also moves it in the tree);
// - an open LAO the file no longer lists is closed: valid_to = the day before `asOf` (its last day in the
//   register), never before its own valid_from; it is kept for history and past rounds;
// - a closed LAO that the file lists again is reopened with the file's values (its validity interval is one:
//   the gap is recorded only in the audit trail);
// - everything else is unchanged and is not written, so re-importing a file touches nothing.

export type CurrentLao = {
  code: string;
  nameTh: string;
  nameEn: string | null;
  laoType: LaoType;
  provinceCode: string;
  districtCode: string | null;
  validFrom: string;
  validTo: string | null;
  generated: boolean;
};

/** The values an LAO will have after the import. */
export type TargetLao = Omit<CurrentLao, 'validTo'> & { row: number };

export type LaoChange = 'name_th' | 'name_en' | 'lao_type' | 'province_code' | 'district_code' | 'valid_from' | 'generated';

export type RegisterPlan = {
  add: TargetLao[];
  update: { target: TargetLao; changes: LaoChange[]; moved: boolean }[];
  reopen: { target: TargetLao; moved: boolean }[];
  close: { code: string; validTo: string }[];
  unchanged: string[];
};

export function planRegisterImport(rows: readonly RegisterRow[], current: ReadonlyMap<string, CurrentLao>, asOf: string): RegisterPlan {
  const plan: RegisterPlan = { add: [], update: [], reopen: [], close: [], unchanged: [] };
  const listed = new Set<string>();
  for (const row of rows) {
    listed.add(row.code);
    const existing = current.get(row.code);
    const target: TargetLao = {
      row: row.row,
      code: row.code,
      nameTh: row.nameTh,
      nameEn: row.nameEn === undefined ? (existing?.nameEn ?? null) : row.nameEn,
      laoType: row.laoType,
      provinceCode: row.provinceCode,
      districtCode: row.districtCode,
      validFrom: row.validFrom ?? existing?.validFrom ?? asOf,
      generated: row.generated,
    };
    if (!existing) {
      plan.add.push(target);
      continue;
    }
    const moved = existing.provinceCode !== target.provinceCode || existing.districtCode !== target.districtCode;
    if (existing.validTo !== null) {
      plan.reopen.push({ target, moved });
      continue;
    }
    const changes = compareLao(existing, target);
    if (changes.length === 0) plan.unchanged.push(row.code);
    else plan.update.push({ target, changes, moved });
  }
  const dayBefore = previousDay(asOf);
  for (const lao of current.values()) {
    if (lao.validTo !== null || listed.has(lao.code)) continue;
    plan.close.push({ code: lao.code, validTo: dayBefore < lao.validFrom ? lao.validFrom : dayBefore });
  }
  plan.close.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return plan;
}

function compareLao(a: CurrentLao, b: TargetLao): LaoChange[] {
  const changes: LaoChange[] = [];
  if (a.nameTh !== b.nameTh) changes.push('name_th');
  if (a.nameEn !== b.nameEn) changes.push('name_en');
  if (a.laoType !== b.laoType) changes.push('lao_type');
  if (a.provinceCode !== b.provinceCode) changes.push('province_code');
  if (a.districtCode !== b.districtCode) changes.push('district_code');
  if (a.validFrom !== b.validFrom) changes.push('valid_from');
  if (a.generated !== b.generated) changes.push('generated');
  return changes;
}

export function summarisePlan(plan: RegisterPlan): { added: number; updated: number; closed: number; reopened: number; unchanged: number; moved: number } {
  return {
    added: plan.add.length,
    updated: plan.update.length,
    closed: plan.close.length,
    reopened: plan.reopen.length,
    unchanged: plan.unchanged.length,
    moved: plan.update.filter((u) => u.moved).length + plan.reopen.filter((r) => r.moved).length,
  };
}
