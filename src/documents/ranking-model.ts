import type { Emblem } from './view-models.ts';

// The report of a ranking of offices (seed 004): DLA's ranking of provinces, or a province's of its district offices.
// One view-model for the PDF and the Word copy, and the fixed wording both print.

export type RankingDoc = {
  title: string; // ผลการจัดลำดับการคัดเลือกท้องถิ่นจังหวัดดีเด่น …
  subtitle: string; // the round, or the province
  asOf: Date; // ข้อมูล ณ วันที่
  status: string[]; // how many were ranked of how many; provisional while the round is open
  unitHeading: string; // จังหวัด / ท้องถิ่นอำเภอ
  indicators: { no: number; title: string; owner: string; weight: number; thresholds: string; example: boolean }[];
  maxTotal: number;
  rows: { rank: number; tied: boolean; name: string; levels: (number | null)[]; total: number }[];
  /** The reasons behind each score, office by office (the annex). */
  details: { rank: number; tied: boolean; name: string; total: number; indicators: { no: number; result: string; band: string; level: number | null; weight: number; score: number | null; evidence: number }[] }[];
  notSent: string[];
  tieRule: string;
  /** Said when any level band or weight is an example (ค่าตัวอย่าง — แก้ไขตามประกาศ). */
  exampleNote?: string;
  emblem?: Emblem;
  thaiDigits: boolean;
};

export const rankingLabels = {
  rankingHeading: 'ผลการจัดลำดับ',
  levelsNote: (n: string) => `ตัวเลขในช่องตัวชี้วัดที่ 1–${n} คือระดับ (0–5) ที่ได้ในตัวชี้วัดนั้น`,
  indicatorsHeading: 'ตัวชี้วัด น้ำหนัก และเกณฑ์ระดับ',
  indicatorColumns: ['ที่', 'ตัวชี้วัด', 'เจ้าภาพ', 'น้ำหนัก', 'เกณฑ์ระดับ 1–5'],
  indicatorWidths: [5, 46, 22, 8, 19],
  howScored: 'คะแนนของแต่ละตัวชี้วัด = ระดับ ÷ 5 × น้ำหนัก และคะแนนรวม = ผลรวมคะแนนของทุกตัวชี้วัด',
  tieHeading: 'เมื่อคะแนนเท่ากัน:',
  tiedMark: '=',
  tiedMarkNote: 'เครื่องหมาย = หลังลำดับที่ หมายถึงคะแนนรวมเท่ากับหน่วยอื่นในลำดับเดียวกัน',
  notSentHeading: (unit: string, n: string) => `${unit}ที่ยังไม่ได้ส่งข้อมูล จึงยังไม่ได้จัดลำดับ (${n}):`,
  detailsHeading: 'รายละเอียดคะแนนและเหตุผลรายหน่วย',
  detailColumns: ['ตัวชี้วัดที่', 'ผลการดำเนินงาน', 'เกณฑ์ของระดับที่ได้', 'ระดับ', 'น้ำหนัก', 'คะแนน', 'หลักฐาน (ไฟล์)'],
  detailWidths: [10, 20, 30, 8, 9, 9, 14],
  exampleMark: '*',
  rank: 'ลำดับที่',
  total: 'คะแนนรวม',
} as const;

/** Widths (per cent) of the ranking table: rank, name, one narrow column per indicator, total. */
export function rankingWidths(indicators: number): number[] {
  const rank = 7;
  const total = 11;
  const name = indicators > 8 ? 20 : 30;
  const each = (100 - rank - name - total) / Math.max(1, indicators);
  return [rank, name, ...Array.from({ length: indicators }, () => each), total];
}

/** A total as both copies print it: always two decimals ("64.00"), so the column reads evenly. */
export const totalText = (total: number) => total.toFixed(2);

/** "2" or "2=" for a shared rank. */
export const rankText = (rank: string, tied: boolean) => (tied ? `${rank}${rankingLabels.tiedMark}` : rank);
