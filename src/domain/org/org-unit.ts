import type { LaoType } from './lao-type.ts';

// OrgUnit (หน่วยงาน): one tree — country → province → district → LAO — with the offices hung on it.
export const orgUnitKinds = ['country', 'agency', 'province', 'district', 'lao', 'province_office', 'division', 'district_office'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export type OrgUnit = {
  id: number;
  kind: OrgUnitKind;
  code: string;
  parentId: number | null;
  path: string;
  nameTh: string;
  nameEn: string | null;
  laoType: LaoType | null;
  provinceCode: string | null;
  districtCode: string | null;
  validFrom: string;
  validTo: string | null;
  generated: boolean;
};

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  country: 'ประเทศ',
  agency: 'หน่วยงานเจ้าของโครงการ',
  province: 'จังหวัด',
  district: 'อำเภอ',
  lao: 'องค์กรปกครองส่วนท้องถิ่น',
  province_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
  division: 'กลุ่มงาน',
  district_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ',
};

/** The subtree test on materialised paths: is `inner` at or under `outer`? */
export function isWithin(innerPath: string, outerPath: string): boolean {
  return innerPath.startsWith(outerPath);
}

export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export const provinceOfficeCode = (provinceCode: string) => `PO${provinceCode}`;
export const districtOfficeCode = (districtCode: string) => `DO${districtCode}`;
export const divisionCode = (provinceCode: string, key: string) => `PO${provinceCode}-${key}`;
