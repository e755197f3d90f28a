// The columns of the open data files (CSV, XLSX, JSON keys), in order, with what the data dictionary says of each.
// Names are ASCII snake_case so any tool reads them; the dictionary gives them in Thai. Examples are of the form a
// value takes, not figures from any round.

export type ColumnType = 'integer' | 'number' | 'text' | 'boolean';
export type OpenDataColumn = { name: string; th: string; type: ColumnType; example: string };

export const columnTypeLabels: Record<ColumnType, string> = { integer: 'จำนวนเต็ม', number: 'ตัวเลข (ทศนิยมไม่เกิน 4 ตำแหน่ง)', text: 'ข้อความ', boolean: 'จริง/เท็จ (true/false)' };

export const openDataColumns = [
  { name: 'round_id', th: 'รหัสรอบการประเมินในระบบ', type: 'integer', example: '12' },
  { name: 'fiscal_year', th: 'ปีงบประมาณ (พ.ศ.) ของรอบการประเมิน', type: 'integer', example: '2568' },
  { name: 'framework_version', th: 'รหัสรุ่นของกรอบการประเมินที่ใช้คำนวณผล', type: 'text', example: 'odloc-2568' },
  { name: 'org_code', th: 'รหัสหน่วยงานตามทะเบียน อปท. (รหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น ใช้เป็นรหัสประจำหน่วย ไม่ควรแยกความหมายจากตัวเลข)', type: 'text', example: '5220601' },
  { name: 'org_name', th: 'ชื่อหน่วยงาน', type: 'text', example: 'เทศบาลตำบลตัวอย่าง' },
  { name: 'lao_type', th: 'ประเภท อปท. (pao = อบจ., city = เทศบาลนคร, town = เทศบาลเมือง, subdistrict = เทศบาลตำบล, sao = อบต., special = รูปแบบพิเศษ) ว่างสำหรับหน่วยงานที่ไม่ใช่ อปท.', type: 'text', example: 'subdistrict' },
  { name: 'lao_type_th', th: 'ประเภท อปท. เป็นภาษาไทย', type: 'text', example: 'เทศบาลตำบล' },
  { name: 'province_code', th: 'รหัสจังหวัด 2 หลักตามรหัสเขตการปกครองของกรมการปกครอง', type: 'text', example: '22' },
  { name: 'province_name', th: 'ชื่อจังหวัด', type: 'text', example: 'จันทบุรี' },
  { name: 'district_code', th: 'รหัสอำเภอ 4 หลักตามรหัสเขตการปกครองของกรมการปกครอง', type: 'text', example: '2206' },
  { name: 'district_name', th: 'ชื่ออำเภอ', type: 'text', example: 'แหลมสิงห์' },
  { name: 'area_code', th: 'รหัสด้านของตัวชี้วัด (ดูรายการตัวชี้วัดในคำอธิบายข้อมูล)', type: 'text', example: 'A1' },
  { name: 'indicator_code', th: 'รหัสตัวชี้วัด (ดูชื่อเต็มในรายการตัวชี้วัดของคำอธิบายข้อมูล)', type: 'text', example: 'ED03' },
  { name: 'unit', th: 'หน่วยของค่าตัวชี้วัด', type: 'text', example: 'ร้อยละ' },
  { name: 'denominator', th: 'กรอบการประเมิน (1): ตัวหารของตัวชี้วัดแบบอัตราส่วน ว่างเมื่อเป็นตัวชี้วัดแบบจำนวน', type: 'number', example: '12' },
  { name: 'numerator', th: 'การจัดบริการสาธารณะ (2): ตัวตั้งของตัวชี้วัดแบบอัตราส่วน ว่างเมื่อเป็นตัวชี้วัดแบบจำนวน', type: 'number', example: '10' },
  { name: 'value', th: 'ค่าตัวชี้วัด ((2) ÷ (1) × 100 สำหรับร้อยละ) ว่างเมื่อคำนวณไม่ได้ เช่น ไม่มีบริการสาธารณะ', type: 'number', example: '83.3333' },
  { name: 'target_comparison', th: 'วิธีเทียบกับค่าเป้าหมาย (>= ไม่น้อยกว่า, > มากกว่า, <= ไม่เกิน, < น้อยกว่า)', type: 'text', example: '>=' },
  { name: 'target_value', th: 'ค่าเป้าหมายของตัวชี้วัดสำหรับประเภท อปท. นี้', type: 'number', example: '80' },
  { name: 'target_is_example', th: 'true เมื่อค่าเป้าหมายยังเป็นค่าตัวอย่าง ไม่ใช่ค่าที่ประกาศ', type: 'boolean', example: 'true' },
  { name: 'state', th: 'ผลการประเมิน (met = สูงกว่าค่าเป้าหมาย/ผ่าน, needs_development = การพัฒนาในอนาคต, no_service = ไม่มีบริการสาธารณะ, not_done = ไม่ได้ดำเนินการ, missing = ยังไม่มีข้อมูล)', type: 'text', example: 'met' },
  { name: 'state_th', th: 'ผลการประเมินเป็นภาษาไทย', type: 'text', example: 'สูงกว่าค่าเป้าหมาย/ผ่าน' },
] as const satisfies readonly OpenDataColumn[];

export type OpenDataColumnName = (typeof openDataColumns)[number]['name'];
export type OpenDataRow = Record<OpenDataColumnName, string | number | boolean | null>;
