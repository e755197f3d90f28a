import type { Formatter } from './format.ts';
import type { Emblem, Signatory } from './view-models.ts';

// The provincial order appointing the monitoring committee (คำสั่งจังหวัด … เรื่อง แต่งตั้งคณะกรรมการ…), as in DLA's
// model order (seed 000): Garuda, the order's heading, number and subject, the preamble, the members with their
// positions, the duties, "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป", the date ordered and the governor's signature. The view-model
// and the wording both renderers print.

export type CommitteeOrderDoc = {
  /** คำสั่งจังหวัด… */
  issuer: string;
  /** ที่ …/๒๕๖๔, as typed; empty leaves the number's place for the registry to fill in. */
  orderNo: string;
  /** เรื่อง แต่งตั้ง… */
  subject: string;
  preamble: string[];
  members: { line: string; position: string }[];
  dutiesIntro: string;
  duties: string[];
  closing: string;
  /** สั่ง ณ วันที่; null leaves the day to be written in. */
  date: Date | null;
  signatory: Signatory;
  emblem?: Emblem;
  thaiDigits: boolean;
};

/** Members sit a little in from the margin, numbered, their position on the committee in a column of its own. */
export const membersLeftCm = 1.25;
export const numberCm = 0.9;
export const roleCm = 5.5;

export const committeeOrderLabels = {
  referenceNo: 'ที่',
  subject: 'เรื่อง',
  orderedOn: 'สั่ง ณ วันที่',
  rule: '----------------------------------',
} as const;


/** "สั่ง ณ วันที่ ๑๗ มีนาคม พ.ศ. ๒๕๖๔", or dotted places for the day, month and year when it is not known yet. */
export function orderedOnLine(date: Date | null, f: Formatter): string {
  if (!date) return `${committeeOrderLabels.orderedOn} ${'.'.repeat(8)} เดือน ${'.'.repeat(20)} พ.ศ. ${'.'.repeat(10)}`;
  const [day, month, year] = f.date(date).split(' ');
  return `${committeeOrderLabels.orderedOn} ${day} ${month} พ.ศ. ${year}`;
}
