import type { LaoType } from '../org/lao-type.ts';

// One LAO as a register file states it, after validation.
export type RegisterRow = {
  /** The row number in the file, for messages. */
  row: number;
  code: string;
  nameTh: string;
  /** undefined: the file has no name_en column, so the stored English name is kept. */
  nameEn: string | null | undefined;
  laoType: LaoType;
  provinceCode: string;
  /** null only for a unit that covers a whole province (อบจ., กรุงเทพมหานคร). */
  districtCode: string | null;
  /** null: not given; a new LAO then starts on the import date. */
  validFrom: string | null;
  generated: boolean;
};

export const bangkokProvinceCode = '10';

/** The reference data a row is checked against: DOPA provinces and districts as loaded in the org tree. */
export type RegisterReference = {
  provinces: ReadonlyMap<string, { nameTh: string }>;
  districts: ReadonlyMap<string, { provinceCode: string; nameTh: string }>;
};

/** Units that cover a whole province hang under the province and need no district. */
export function coversWholeProvince(laoType: LaoType, provinceCode: string): boolean {
  return laoType === 'pao' || (laoType === 'special' && provinceCode === bangkokProvinceCode);
}

/**
 * Where an LAO hangs in the org tree: an อบจ. and กรุงเทพมหานคร under their province; every other LAO
 * (เมืองพัทยา included) under its district.
 */
export function laoParent(row: Pick<RegisterRow, 'laoType' | 'provinceCode' | 'districtCode'>): { kind: 'province' | 'district'; code: string } {
  if (coversWholeProvince(row.laoType, row.provinceCode) || row.districtCode === null) return { kind: 'province', code: row.provinceCode };
  return { kind: 'district', code: row.districtCode };
}
