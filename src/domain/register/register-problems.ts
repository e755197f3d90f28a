// A problem found in a register file, with the Thai message shown to the person who uploaded it. `row` is the
// row number as a spreadsheet shows it (the header is usually row 1); 0 means the file as a whole.
// `column` is the header as written in the file (or the documented name of a missing column).
export type RegisterProblemCode =
  | 'file_too_large'
  | 'file_type_unsupported'
  | 'file_not_xlsx'
  | 'file_old_xls'
  | 'file_not_text'
  | 'file_not_utf8'
  | 'file_unreadable'
  | 'file_expands_too_much'
  | 'file_empty'
  | 'no_data_rows'
  | 'too_many_rows'
  | 'missing_column'
  | 'duplicate_column'
  | 'cell_too_long'
  | 'code_empty'
  | 'code_has_space'
  | 'code_too_long'
  | 'duplicate_code'
  | 'name_empty'
  | 'name_too_long'
  | 'type_empty'
  | 'type_unknown'
  | 'province_invalid'
  | 'province_unknown'
  | 'district_required'
  | 'district_invalid'
  | 'district_unknown'
  | 'district_not_in_province'
  | 'date_invalid'
  | 'generated_invalid';

export type RegisterProblem = { row: number; column: string | null; code: RegisterProblemCode; message: string };

export const maxFileBytes = 20 * 1024 * 1024;
export const maxDataRows = 20_000;
export const maxCellLength = 1000;
export const maxNameLength = 300;
export const maxCodeLength = 32;

const n = (v: number) => v.toLocaleString('en-US');

export const registerMessages = {
  file_too_large: () => `ไฟล์ใหญ่เกิน ${maxFileBytes / 1024 / 1024} MB: ลบแผ่นงานหรือคอลัมน์ที่ไม่ใช้ แล้วนำเข้าอีกครั้ง`,
  file_type_unsupported: () => 'รับเฉพาะไฟล์ .csv หรือ .xlsx: บันทึกทะเบียนเป็นแบบใดแบบหนึ่งแล้วนำเข้าอีกครั้ง',
  file_not_xlsx: () => 'ไฟล์นี้ไม่ใช่ไฟล์ Excel (.xlsx) ตามที่ชื่อไฟล์บอก: เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8',
  file_old_xls: () => 'ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือตั้งรหัสผ่านไว้: เปิดใน Excel แล้วบันทึกเป็น .xlsx ที่ไม่มีรหัสผ่าน หรือ CSV UTF-8',
  file_not_text: () => 'ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV ตามที่ชื่อไฟล์บอก (มีข้อมูลไบนารี): ส่งออกจากโปรแกรมตารางเป็น CSV UTF-8',
  file_xlsx_named_csv: () => 'ไฟล์นี้เป็น Excel (.xlsx) แต่ชื่อลงท้ายด้วย .csv: เปลี่ยนชื่อเป็น .xlsx หรือบันทึกเป็น CSV UTF-8',
  file_not_utf8: () => 'ไฟล์ CSV นี้ไม่ได้เข้ารหัส UTF-8 (อาจเป็น TIS-620/Windows-874): บันทึกเป็น "CSV UTF-8" แล้วนำเข้าอีกครั้ง',
  file_unreadable: () => 'อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหาย: เปิดในโปรแกรมตารางแล้วบันทึกใหม่',
  csv_malformed: (detail: string) => `อ่าน CSV ไม่ได้ (${detail}): ตรวจเครื่องหมายคำพูด " ที่เปิดแล้วไม่ปิด หรือส่งออกเป็น CSV UTF-8 ใหม่`,
  file_expands_too_much: () => 'ไฟล์ Excel นี้เมื่อแตกออกแล้วใหญ่ผิดปกติ: คัดลอกเฉพาะแผ่นงานทะเบียนไปบันทึกเป็นไฟล์ใหม่',
  file_empty: () => 'ไฟล์ว่าง ไม่มีหัวคอลัมน์และข้อมูล: ใช้ไฟล์ทะเบียน อปท. ที่มีหัวคอลัมน์ตามแบบ',
  no_data_rows: () => 'ไฟล์มีแต่หัวคอลัมน์ ไม่มีข้อมูล อปท.: ทะเบียนที่ว่างจะปิด อปท. ทุกแห่ง จึงไม่นำเข้า',
  too_many_rows: () => `ไฟล์มีข้อมูลเกิน ${n(maxDataRows)} แถว (ทะเบียนทั้งประเทศมีราว 7,850 แถว): ลบแถวที่ไม่ใช่ อปท. ออก`,
  missing_column: (label: string) => `ไม่พบคอลัมน์ ${label}: เพิ่มหัวคอลัมน์นี้ในแถวหัวตาราง`,
  duplicate_column: (label: string) => `มีคอลัมน์ ${label} ซ้ำ: ลบคอลัมน์ที่ซ้ำออกให้เหลือคอลัมน์เดียว`,
  cell_too_long: (length: number) => `ข้อความยาว ${n(length)} ตัวอักษร เกิน ${n(maxCellLength)}: ตรวจว่าข้อมูลไม่ได้ล้นมาจากคอลัมน์อื่น`,
  code_empty: () => 'ไม่มีรหัส อปท.: กรอกรหัส อปท. ของกรมส่งเสริมการปกครองท้องถิ่น',
  code_has_space: (code: string) => `รหัส อปท. "${code}" มีช่องว่าง: ลบช่องว่างออก`,
  code_too_long: () => `รหัส อปท. ยาวเกิน ${maxCodeLength} ตัวอักษร: ใช้รหัส 7 หลักของกรมส่งเสริมการปกครองท้องถิ่น`,
  duplicate_code: (code: string, firstRow: number) => `รหัส อปท. ${code} ซ้ำกับแถว ${firstRow}: แต่ละ อปท. ต้องมีรหัสไม่ซ้ำกัน`,
  name_empty: () => 'ไม่มีชื่อ อปท.: กรอกชื่อภาษาไทยของ อปท.',
  name_too_long: () => `ชื่อยาวเกิน ${maxNameLength} ตัวอักษร: ตัดให้สั้นลง`,
  type_empty: () => 'ไม่มีประเภท อปท.: กรอก อบจ. ทน. ทม. ทต. อบต. หรือ พิเศษ',
  type_unknown: (raw: string) => `ไม่รู้จักประเภท "${raw}": ใช้ อบจ. ทน. ทม. ทต. อบต. หรือ พิเศษ`,
  province_invalid: (raw: string) => `รหัสจังหวัด "${raw}" ไม่ถูกต้อง: ใช้ตัวเลข 2 หลักของกรมการปกครอง เช่น 50`,
  province_unknown: (code: string) => `ไม่พบจังหวัดรหัส ${code}: ใช้รหัสจังหวัด 2 หลักของกรมการปกครอง`,
  district_required: () => 'ไม่มีรหัสอำเภอ: กรอกรหัสอำเภอ 4 หลักที่ อปท. ตั้งอยู่',
  district_invalid: (raw: string) => `รหัสอำเภอ "${raw}" ไม่ถูกต้อง: ใช้ตัวเลข 4 หลักของกรมการปกครอง เช่น 5001`,
  district_unknown: (code: string) => `ไม่พบอำเภอรหัส ${code}: ใช้รหัสอำเภอ 4 หลักของกรมการปกครอง`,
  district_not_in_province: (code: string, name: string, provinceCode: string) =>
    `อำเภอ ${code} (${name}) ไม่ได้อยู่ในจังหวัดรหัส ${provinceCode}: แก้รหัสจังหวัดหรือรหัสอำเภอให้ตรงกัน`,
  date_invalid: (raw: string) => `วันที่ "${raw}" ไม่ถูกต้อง: ใช้ 31/12/2567 (พ.ศ.) หรือ 2024-12-31 (ค.ศ.)`,
  generated_invalid: (raw: string) => `ค่า "${raw}" ไม่ถูกต้อง: ใช้ true หรือ false (ใช่ หรือ ไม่ใช่)`,
} as const;

export function problem(row: number, column: string | null, code: RegisterProblemCode, message: string): RegisterProblem {
  return { row, column, code, message };
}
