import type { Emblem } from './view-models.ts';

// DLA's national summary of one quarter of the standards monitoring: which provinces' reports it rests on, how many
// provinces reported each degree of following per standard, and every province's problems and suggestions under
// its standard, word for word. The view-model and the wording both renderers print.

export type ProvinceSaid = { province: string; text: string };

export type MonitoringSummaryDoc = {
  period: string; // ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2570 (มกราคม – มีนาคม 2570)
  asOf: Date;
  /** What the summary rests on: how many provinces sent, on time or late, and which have not. */
  coverage: string[];
  /** The compliance field's choices, as the table's columns. */
  complianceColumns: string[];
  standards: { title: string; counts: number[]; notStated: number; problems: ProvinceSaid[]; suggestions: ProvinceSaid[] }[];
  emblem?: Emblem;
  thaiDigits: boolean;
};

export const monitoringSummaryLabels = {
  title: 'สรุปผลการติดตามการดำเนินงาน',
  titleLine2: 'ตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ภาพรวมทั้งประเทศ',
  tableCaption: 'จำนวนจังหวัดที่รายงานการปฏิบัติตามมาตรฐานแต่ละเรื่อง',
  no: 'ที่',
  standard: 'ชื่อมาตรฐานการบริการสาธารณะ',
  notStated: 'ไม่ได้ระบุ',
  details: 'ปัญหา/อุปสรรค และข้อเสนอแนะของจังหวัด รายมาตรฐาน',
  problems: 'ปัญหา/อุปสรรค',
  suggestions: 'ข้อเสนอแนะ',
  nothing: 'มาตรฐานที่ไม่มีจังหวัดใดรายงานปัญหาหรือข้อเสนอแนะ',
} as const;

/** "ปัญหา/อุปสรรค (3 จังหวัด)" */
export const saidHeading = (label: string, n: string) => `${label} (${n} จังหวัด)`;
