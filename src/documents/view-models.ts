// The official documents as plain data, independent of the database. One view-model per document; every renderer
// (HTML → PDF, DOCX) reads the same one, so the Word and PDF copies of a document always say the same thing.

/** Garuda (ครุฑ) or the LAO's own seal, as uploaded by the deployment. Absent: its place on the page stays empty. */
export type Emblem = { png: Buffer } | null;

export type Signatory = { name: string; position: string };

/** One area's count of indicators by result, for the memo's summary table. */
export type AreaResultSummary = {
  area: string;
  met: number;
  needsDevelopment: number;
  noService: number;
  notDone: number;
  missing: number;
};

/** บันทึกข้อความ (แบบที่ ๒๙ ของระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ พ.ศ. ๒๕๒๖). */
export type MemoDoc = {
  agency: string; // ส่วนราชการ
  referenceNo: string; // ที่
  date: Date; // วันที่ (shown in the Buddhist Era, Asia/Bangkok)
  subject: string; // เรื่อง
  addressee: string; // เรียน
  paragraphs: string[]; // the editable wording before the results
  resultsSummary: AreaResultSummary[];
  toDevelop: string[]; // titles of indicators that need development
  proposal: string[]; // closing paragraphs (what is proposed)
  signatory: Signatory[];
  qrUrl?: string;
  emblem?: Emblem;
  thaiDigits: boolean;
};

/** หนังสือภายนอก (แบบที่ ๑). */
export type LetterDoc = {
  referenceNo: string; // ที่
  agency: string; // ส่วนราชการเจ้าของหนังสือ
  address: string; // may hold line breaks
  date: Date;
  subject: string;
  addressee: string;
  references?: string[]; // อ้างถึง
  enclosures?: string[]; // สิ่งที่ส่งมาด้วย
  paragraphs: string[];
  closing: 'ขอแสดงความนับถือ';
  signatory: Signatory;
  contact: { office: string; phone: string }; // ส่วนราชการเจ้าของเรื่อง, โทร.
  emblem?: Emblem;
  thaiDigits: boolean;
};

/** The column headings of ODLOC's public report of results, fixed. */
export const resultsTableColumns = [
  'บริการสาธารณะ/ตัวชี้วัด',
  'ค่าเป้าหมาย',
  '(1) กรอบการประเมิน',
  '(2) การจัดบริการสาธารณะ',
  '(2) เทียบกับ (1) %',
  'ผลการประเมิน',
] as const;

export type ResultsTableRow = {
  indicator: string;
  target: string; // e.g. "ร้อยละ 80" or "1 โครงการ"
  frame: number | null; // (1)
  service: number | null; // (2)
  percent: number | null; // (2) ÷ (1) × 100
  result: string; // ผ่าน / ต้องพัฒนา / ไม่มีการจัดบริการ …
};

export type ResultsTableDoc = {
  title: string;
  subtitle: string;
  areas: { area: string; missions: { mission?: string; rows: ResultsTableRow[] }[] }[];
  thaiDigits: boolean;
};

/** DLA's quarterly monitoring of the public-service standards manual (seed 000's form). */
export type QuarterlyReportDoc = {
  province: string; // จังหวัด…
  asOf: Date; // ข้อมูล ณ วันที่ ๒๕ เดือน … พ.ศ. …
  rows: { standard: string; practice: string; problems: string; suggestions: string }[];
  note?: string; // หมายเหตุ
  thaiDigits: boolean;
};

/** DLA's selection of outstanding provincial/district local offices (seed 004). */
export type OutstandingOfficeDoc = {
  title: string; // e.g. แบบรายงานผลการประเมินคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2567
  province: string;
  indicators: { no: number; title: string; owner: string; level: number | null; weight: number; score: number | null }[];
  total: number | null;
  ranking?: number | null; // ลำดับที่, when known
  thaiDigits: boolean;
};
