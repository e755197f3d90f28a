// The official documents as plain data, independent of the database. One view-model per document; every renderer
// (HTML → PDF, DOCX) reads the same one, so the Word and PDF copies of a document always say the same thing.

/** Garuda (ครุฑ) or the LAO's own seal, as uploaded by the deployment (PNG or JPEG). Absent: its place stays empty. */
export type Emblem = { png: Buffer } | { jpeg: Buffer } | null;

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
  result: string; // resultStateLabels: สูงกว่าค่าเป้าหมาย/ผ่าน / การพัฒนาในอนาคต / ไม่มีบริการสาธารณะ …
};

export type ResultsTableDoc = {
  title: string;
  subtitle: string;
  areas: { area: string; missions: { mission?: string; rows: ResultsTableRow[] }[] }[];
  /** Drawn above the title when given; null keeps its place empty. */
  emblem?: Emblem;
  thaiDigits: boolean;
};

/** A signature under a report form: ลงชื่อ … ผู้รายงาน, (name), position, telephone. */
export type Reporter = Signatory & { role: string; phone?: string };

/** DLA's quarterly monitoring of the public-service standards manual (seed 000's form). */
export type QuarterlyReportDoc = {
  province: string; // จังหวัด…
  asOf: Date; // ข้อมูล ณ วันที่ ๒๕ เดือน … พ.ศ. …
  period?: string; // ไตรมาสที่ … ปีงบประมาณ พ.ศ. … (เดือน … – …), under the province
  rows: { standard: string; practice: string; problems: string; suggestions: string }[];
  /** The province's own figures for the quarter, under the table: จำนวน อปท. … 90 แห่ง */
  facts?: { label: string; value: string }[];
  summary?: string[]; // สรุปผลการวิเคราะห์และประเมินผลภาพรวม
  note?: string; // หมายเหตุ
  reporter?: Reporter;
  emblem?: Emblem;
  thaiDigits: boolean;
};

/** DLA's selection of outstanding provincial/district local offices (seed 004). */
export type OutstandingOfficeDoc = {
  title: string; // e.g. แบบรายงานผลการประเมินคัดเลือกท้องถิ่นจังหวัดดีเด่น ประจำปีงบประมาณ พ.ศ. 2567
  province: string;
  /** The office assessed, printed instead of จังหวัด… when given (a district office: สำนักงาน…อำเภอ…). */
  office?: string;
  asOf?: Date; // ข้อมูล ณ วันที่
  indicators: {
    no: number; title: string; owner: string;
    /** ผลการดำเนินงาน: the indicator's value with its unit, or '-' */
    result?: string;
    level: number | null; weight: number; score: number | null;
    /** its levels or weight are examples, not yet announced (ค่าตัวอย่าง) */
    example?: boolean;
  }[];
  total: number | null;
  maxTotal?: number | null; // คะแนนเต็ม
  ranking?: number | null; // ลำดับที่, when known
  /** Said under the table when any indicator is marked as an example. */
  exampleNote?: string;
  notes?: string[];
  reporter?: Reporter;
  emblem?: Emblem;
  thaiDigits: boolean;
};
