// A province's monitoring committee (คณะกรรมการติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะฯ), as in
// DLA's model order (seed 000): who sits on it, in which position and order, and what it is charged with.

export const committeePositions = ['adviser', 'chair', 'member', 'secretary', 'assistant_secretary'] as const;
export type CommitteePosition = (typeof committeePositions)[number];

/** The wording of the model order and the Phetchabun order (seed 000). */
export const committeePositionLabels: Record<CommitteePosition, string> = {
  adviser: 'ที่ปรึกษา',
  chair: 'ประธานกรรมการ',
  member: 'กรรมการ',
  secretary: 'กรรมการและเลขานุการ',
  assistant_secretary: 'กรรมการและผู้ช่วยเลขานุการ',
};

export const isCommitteePosition = (v: string): v is CommitteePosition => (committeePositions as readonly string[]).includes(v);

export const memberKinds = ['user', 'office', 'person'] as const;
export type MemberKind = (typeof memberKinds)[number];
export const memberKindLabels: Record<MemberKind, string> = {
  user: 'ผู้ใช้งานในระบบ',
  office: 'ตำแหน่งในหน่วยงาน',
  person: 'บุคคล (ระบุชื่อ)',
};

export type CommitteeMember = {
  id: number;
  kind: MemberKind;
  /** A user account's current name, or the named person's. */
  name: string;
  positionTitle: string;
  agency: string;
  position: CommitteePosition;
  sortOrder: number;
  userId: string | null;
};

/** The line the order prints for a member: "นางสาวลัดดาวรรณ คอกจันทร์ นักส่งเสริมการปกครองท้องถิ่นชำนาญการ", or the
 * position alone for an office member ("ผู้อำนวยการกลุ่มงานส่งเสริมและพัฒนาท้องถิ่น"). */
export function memberLine(m: Pick<CommitteeMember, 'kind' | 'name' | 'positionTitle' | 'agency'>): string {
  const parts = m.kind === 'office' ? [m.positionTitle, m.agency] : [m.name, m.positionTitle, m.agency];
  return parts.map((s) => s.trim()).filter(Boolean).join(' ');
}

/** Where a new member goes: after the last one whose position comes no later in the model order (advisers,
 * chair, members, secretary, assistant secretary), so a list built in any order still reads like the order. */
export function insertionIndex(members: Pick<CommitteeMember, 'position'>[], position: CommitteePosition): number {
  const rank = committeePositions.indexOf(position);
  let at = 0;
  members.forEach((m, i) => {
    if (committeePositions.indexOf(m.position) <= rank) at = i + 1;
  });
  return at;
}

/** The same members with one moved a step up or down (nothing changes at either end). */
export function moveMember<T extends { id: number }>(members: T[], id: number, direction: 'up' | 'down'): T[] {
  const i = members.findIndex((m) => m.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= members.length) return members;
  const out = [...members];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const defaultCommitteeTitle = (provinceName: string) =>
  `คณะกรรมการติดตามการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น จังหวัด${provinceName}`;

/** The duties (หน้าที่และอำนาจ) of DLA's model order, one per line: an example the province edits to its own order. */
export const defaultDuties = [
  'ให้คำปรึกษา แนะนำ แก้ไขปัญหา อุปสรรคการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่นแก่องค์กรปกครองส่วนท้องถิ่น',
  'ติดตามการดำเนินงานตามประเด็นการติดตามที่กำหนดในแต่ละมาตรฐานการบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น',
  'วิเคราะห์ และประเมินผลการดำเนินงานตามมาตรฐานการบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น',
  'จัดทำสรุปผลการดำเนินงานตามมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น รายงานให้กรมส่งเสริมการปกครองท้องถิ่นทราบตามห้วงระยะเวลาที่กำหนด',
  'ปฏิบัติหน้าที่อื่น ๆ ตามที่ได้รับมอบหมาย',
].join('\n');

/** Duties as typed (one per line, any numbering the person typed dropped): the order numbers them itself. */
export function dutyLines(duties: string): string[] {
  return duties
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[0-9๐-๙]+[.)]|[-•])\s*/, '').trim())
    .filter(Boolean);
}

/** The two paragraphs of the model order before the members, for the province. */
export function orderPreamble(provinceName: string): string[] {
  return [
    'ด้วยกรมส่งเสริมการปกครองท้องถิ่น กำหนดให้มีการติดตามการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น โดยมีวัตถุประสงค์เพื่อให้คำปรึกษา แนะนำ แก้ไขปัญหา อุปสรรค ให้แก่องค์กรปกครองส่วนท้องถิ่นในการดำเนินการตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น และเพื่อให้การปฏิบัติงานการให้บริการสาธารณะแก่ประชาชนในพื้นที่เป็นไปอย่างมีประสิทธิภาพ',
    `เพื่อให้การติดตามการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่นในเขตพื้นที่จังหวัด${provinceName} เป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะกรรมการติดตามการดำเนินงานตามคู่มือมาตรฐานการให้บริการสาธารณะขององค์กรปกครองส่วนท้องถิ่นจังหวัด${provinceName} โดยมีองค์ประกอบและอำนาจหน้าที่ ดังนี้`,
  ];
}

/** The position an office member holds by default: the head of that office, as the model order names them. */
export function officeHeadTitle(office: { kind: string; nameTh: string; districtName?: string | null }, provinceName: string): string {
  if (office.kind === 'province_office') return `ท้องถิ่นจังหวัด${provinceName}`;
  if (office.kind === 'district_office') return `ท้องถิ่นอำเภอ${office.districtName ?? office.nameTh.replace(/^สำนักงานส่งเสริมการปกครองท้องถิ่น(?:อำเภอ)?/, '')}`;
  return office.nameTh.startsWith('ฝ่าย') ? `หัวหน้า${office.nameTh}` : `ผู้อำนวยการ${office.nameTh}`;
}

/** "ท้องถิ่นอำเภอ ทุกอำเภอ": every district office of the province in one line of the order. */
export const allDistrictOffices = { code: 'all-district-offices', title: 'ท้องถิ่นอำเภอ ทุกอำเภอ' } as const;
