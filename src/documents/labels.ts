import { resultStateShortLabels } from '../domain/results/score-indicator.ts';
import type { AreaResultSummary } from './view-models.ts';

// Fixed wording both renderers print, so that the Word and the PDF copy read alike.

export const memoLabels = {
  title: 'บันทึกข้อความ',
  agency: 'ส่วนราชการ',
  referenceNo: 'ที่',
  date: 'วันที่',
  subject: 'เรื่อง',
  addressee: 'เรียน',
  summaryCaption: 'สรุปผลการประเมินรายด้าน (จำนวนตัวชี้วัด)',
  toDevelopCaption: 'ตัวชี้วัดที่ต้องพัฒนา มีดังนี้',
} as const;

export const summaryColumns: { key: keyof AreaResultSummary | 'total'; label: string }[] = [
  { key: 'area', label: 'ด้าน' },
  { key: 'met', label: resultStateShortLabels.met },
  { key: 'needsDevelopment', label: resultStateShortLabels.needs_development },
  { key: 'noService', label: resultStateShortLabels.no_service },
  { key: 'notDone', label: resultStateShortLabels.not_done },
  { key: 'missing', label: resultStateShortLabels.missing },
  { key: 'total', label: 'รวม' },
];

/** Rows of the memo's summary with their totals, and a last row summing the areas. */
export function summaryRows(summary: AreaResultSummary[]): { area: string; counts: number[] }[] {
  const counts = (s: AreaResultSummary) => {
    const c = [s.met, s.needsDevelopment, s.noService, s.notDone, s.missing];
    return [...c, c.reduce((a, b) => a + b, 0)];
  };
  const rows = summary.map((s) => ({ area: s.area, counts: counts(s) }));
  if (rows.length > 1) {
    const total = rows[0]!.counts.map((_, i) => rows.reduce((a, r) => a + r.counts[i]!, 0));
    rows.push({ area: 'รวม', counts: total });
  }
  return rows;
}

export const letterLabels = {
  referenceNo: 'ที่',
  subject: 'เรื่อง',
  addressee: 'เรียน',
  references: 'อ้างถึง',
  enclosures: 'สิ่งที่ส่งมาด้วย',
  phone: 'โทร.',
} as const;

/** One item as is (unless `always`); several numbered 1. 2. … (the digits follow the document's option). */
export function numbered(items: string[], always = false): string[] {
  return items.length === 1 && !always ? items : items.map((s, i) => `${i + 1}. ${s}`);
}

export const quarterlyLabels = {
  title: 'แบบติดตามผลการดำเนินงาน',
  titleLine2: 'ตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น',
  columns: ['ที่', 'ชื่อมาตรฐานการบริการสาธารณะ', 'การปฏิบัติตามมาตรฐานการบริการสาธารณะ', 'ปัญหา/อุปสรรค', 'ข้อเสนอแนะ'],
  widths: [4, 24, 28, 22, 22], // per cent of the table
  facts: 'ข้อมูลประกอบ',
  summary: 'สรุปผลการวิเคราะห์และประเมินผลภาพรวมของจังหวัด',
  note: 'หมายเหตุ :',
} as const;

export const outstandingLabels = {
  columns: ['ที่', 'ตัวชี้วัด', 'เจ้าภาพ', 'ผลการดำเนินงาน', 'ระดับ', 'น้ำหนัก', 'คะแนน'],
  widths: [4, 43, 20, 11, 7, 8, 7], // landscape: the indicators' titles are long
  total: 'รวมคะแนน',
  ranking: 'ผลการจัดลำดับ: ลำดับที่',
  /** put after a level or weight that is an example value */
  exampleMark: '*',
} as const;

/** รวมคะแนน (คะแนนเต็ม 100) */
export function totalLabel(maxTotal: string | null): string {
  return maxTotal ? `${outstandingLabels.total} (คะแนนเต็ม ${maxTotal})` : outstandingLabels.total;
}

/** The lines of a reporter's signature under a report form. */
export function reporterLines(r: { name: string; position: string; role: string; phone?: string }): string[] {
  return [
    `(ลงชื่อ) ${'.'.repeat(32)} ${r.role}`,
    `(${r.name || ' '.repeat(30)})`,
    ...(r.position ? [r.position] : []),
    ...(r.phone ? [`โทร. ${r.phone}`] : []),
  ];
}

/** ODLOC's table is printed landscape: six columns of Thai headings do not fit a portrait page at 14 pt. */
export const resultsWidths = [40, 11, 12, 13, 11, 13];

/** "ข้อมูล ณ วันที่ ๒๕ เดือน เมษายน พ.ศ. ๒๕๖๔" from "25 เมษายน 2564". */
export function asOfLine(formattedDate: string): string {
  const [day, month, year] = formattedDate.split(' ');
  return `ข้อมูล ณ วันที่ ${day} เดือน ${month} พ.ศ. ${year}`;
}
