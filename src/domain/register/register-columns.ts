// The documented columns of an LAO register file (ทะเบียน อปท.), CSV or XLSX. A header may be written in
// English (the canonical name) or in Thai; spaces, dots, underscores and case do not matter, because people
// retype headers by hand in every province.
export const registerColumns = ['code', 'name_th', 'lao_type', 'province_code', 'district_code', 'name_en', 'valid_from', 'generated'] as const;
export type RegisterColumn = (typeof registerColumns)[number];

export type RegisterColumnSpec = { labelTh: string; required: boolean; aliases: readonly string[]; description: string };

export const registerColumnSpecs: Record<RegisterColumn, RegisterColumnSpec> = {
  code: { labelTh: 'รหัส อปท.', required: true, aliases: ['รหัส อปท.', 'รหัส', 'รหัสองค์กรปกครองส่วนท้องถิ่น', 'lao_code'], description: "DLA's code, 7 digits (an 8-digit form with a leading 0 is read as the 7-digit one); any other code up to 32 characters without spaces" },
  name_th: { labelTh: 'ชื่อ อปท.', required: true, aliases: ['ชื่อ อปท.', 'ชื่อ', 'ชื่อภาษาไทย', 'ชื่อองค์กรปกครองส่วนท้องถิ่น', 'name'], description: 'the Thai name, up to 300 characters' },
  lao_type: { labelTh: 'ประเภท', required: true, aliases: ['ประเภท', 'ประเภท อปท.', 'รูปแบบ', 'type'], description: 'pao/city/town/subdistrict/sao/special, or อบจ./ทน./ทม./ทต./อบต. or the full Thai name' },
  province_code: { labelTh: 'รหัสจังหวัด', required: true, aliases: ['รหัสจังหวัด', 'province'], description: 'DOPA province code, 2 digits' },
  district_code: { labelTh: 'รหัสอำเภอ', required: true, aliases: ['รหัสอำเภอ', 'รหัสอำเภอ/เขต', 'district'], description: 'DOPA district code, 4 digits, in that province; may be blank for an อบจ. and for กรุงเทพมหานคร' },
  name_en: { labelTh: 'ชื่อภาษาอังกฤษ', required: false, aliases: ['ชื่อภาษาอังกฤษ', 'ชื่ออังกฤษ'], description: 'optional English name; when the column is absent the stored one is kept' },
  valid_from: { labelTh: 'วันที่เริ่ม', required: false, aliases: ['วันที่เริ่ม', 'วันเริ่ม', 'วันที่จัดตั้ง', 'วันที่มีผล', 'มีผลตั้งแต่'], description: 'optional; YYYY-MM-DD (ค.ศ.) or DD/MM/YYYY (พ.ศ.); stored in the Common Era' },
  generated: { labelTh: 'ข้อมูลจำลอง', required: false, aliases: ['ข้อมูลจำลอง', 'จำลอง'], description: 'true for the generated demo register; absent or false for a real one' },
};

export const requiredRegisterColumns = registerColumns.filter((c) => registerColumnSpecs[c].required);

/** The column label shown to users: Thai first, then the canonical name they can type. */
export function describeColumn(column: RegisterColumn): string {
  return `${registerColumnSpecs[column].labelTh} (${column})`;
}

export function normalizeHeader(raw: string): string {
  return raw.normalize('NFC').toLowerCase().replace(/[\s._\-()/]+/g, '');
}

const headerLookup = new Map<string, RegisterColumn>();
for (const column of registerColumns) {
  headerLookup.set(normalizeHeader(column), column);
  for (const alias of registerColumnSpecs[column].aliases) headerLookup.set(normalizeHeader(alias), column);
}

export function matchHeader(raw: string): RegisterColumn | undefined {
  return headerLookup.get(normalizeHeader(raw));
}

/**
 * The header is the first row that names at least two documented columns: government spreadsheets often put a
 * title line or two above it. Only the first ten rows are looked at.
 */
export function locateHeaderRow(firstRows: readonly (readonly string[])[]): number | undefined {
  for (let i = 0; i < Math.min(firstRows.length, 10); i++) {
    const cells = firstRows[i] ?? [];
    const known = new Set(cells.map(matchHeader).filter((c) => c !== undefined));
    if (known.size >= 2) return i;
  }
  return undefined;
}

/** With no recognisable header the first row is taken, so the missing columns are reported against it. */
export function findHeaderRow(firstRows: readonly (readonly string[])[]): number {
  return locateHeaderRow(firstRows) ?? 0;
}
