import { formatFileSize, type EvidenceLimits } from './evidence-limits.ts';

// Why an upload or a removal was refused, by code: the code travels in the redirect back to the page (never the
// text, so no one can put words on our page through a link), and the page shows the message for it.

export const evidenceErrorCodes = [
  'no_file', 'empty', 'file_too_large', 'submission_full', 'unknown', 'old_office', 'damaged', 'too_large_unpacked', 'macros', 'extension_mismatch',
  'no_target', 'unknown_target', 'not_editable', 'round_not_open', 'not_yet_open', 'round_closed', 'past_deadline', 'storage_full',
] as const;
export type EvidenceErrorCode = (typeof evidenceErrorCodes)[number];

export function isEvidenceErrorCode(s: string | undefined): s is EvidenceErrorCode {
  return s !== undefined && (evidenceErrorCodes as readonly string[]).includes(s);
}

const types = 'PDF, PNG, JPEG, DOCX หรือ XLSX';

export function evidenceErrorMessage(code: EvidenceErrorCode, limits: Pick<EvidenceLimits, 'maxFileBytes' | 'maxSubmissionBytes' | 'maxUnpackedBytes'>): string {
  switch (code) {
    case 'no_file': return 'เลือกไฟล์หลักฐานก่อนกดอัปโหลด';
    case 'empty': return 'ไฟล์ว่างเปล่า เลือกไฟล์ที่มีเนื้อหาแล้วอัปโหลดใหม่';
    case 'file_too_large': return `ไฟล์ใหญ่เกิน ${formatFileSize(limits.maxFileBytes)} ลดขนาด (เช่น สแกนที่ความละเอียดต่ำลง) หรือแบ่งเป็นหลายไฟล์แล้วอัปโหลดใหม่`;
    case 'submission_full': return `หลักฐานของหน่วยนี้รวมกันได้ไม่เกิน ${formatFileSize(limits.maxSubmissionBytes)} ลบไฟล์ที่ไม่ใช้หรือลดขนาดไฟล์แล้วอัปโหลดใหม่`;
    case 'unknown': return `รับเฉพาะไฟล์ ${types} (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) บันทึกเป็นชนิดที่รับแล้วอัปโหลดใหม่`;
    case 'old_office': return 'ไฟล์ Word หรือ Excel รุ่นเก่า (.doc, .xls) ไม่รับ เปิดแล้วบันทึกเป็น .docx หรือ .xlsx แล้วอัปโหลดใหม่';
    case 'damaged': return 'ไฟล์ไม่สมบูรณ์หรือเสียหาย เปิดตรวจในเครื่องแล้วบันทึกใหม่ก่อนอัปโหลด';
    case 'too_large_unpacked': return `ไฟล์นี้เมื่อแตกออกมีขนาดเกิน ${formatFileSize(limits.maxUnpackedBytes)} หรือมีส่วนประกอบมากเกินไป แบ่งเป็นหลายไฟล์หรือบันทึกเป็น PDF แล้วอัปโหลดใหม่`;
    case 'macros': return 'ไฟล์นี้มีมาโคร ไม่รับ บันทึกเป็น .docx หรือ .xlsx แบบไม่มีมาโครแล้วอัปโหลดใหม่';
    case 'extension_mismatch': return 'นามสกุลในชื่อไฟล์ไม่ตรงกับชนิดของเนื้อไฟล์ เปลี่ยนชื่อให้ลงท้ายตามชนิดจริง (.pdf .png .jpg .docx .xlsx) แล้วอัปโหลดใหม่';
    case 'no_target': return 'ไม่ทราบว่าหลักฐานนี้เป็นของตัวชี้วัดหรือช่องข้อมูลใด กลับไปที่หน้ากรอกข้อมูลแล้วอัปโหลดจากส่วนนั้น';
    case 'unknown_target': return 'ไม่มีตัวชี้วัดหรือช่องข้อมูลนี้ในกรอบการประเมินของหน่วยนี้ กลับไปที่หน้ากรอกข้อมูลแล้วอัปโหลดใหม่';
    case 'not_editable': return 'ส่งข้อมูลแล้ว แก้ไขหลักฐานไม่ได้ หากต้องแก้ ขอให้ผู้ตรวจส่งกลับก่อน';
    case 'round_not_open': return 'รอบการประเมินนี้ยังไม่เปิดรับข้อมูล';
    case 'not_yet_open': return 'ยังไม่ถึงเวลาเปิดรับข้อมูล ดูวันเปิดได้ที่หน้ารอบการประเมิน';
    case 'round_closed': return 'รอบการประเมินนี้ปิดรับข้อมูลแล้ว';
    case 'past_deadline': return 'พ้นกำหนดรับข้อมูลแล้ว หากมีเหตุจำเป็น ขอขยายเวลาได้ที่หน้ารอบการประเมิน';
    case 'storage_full': return 'ที่จัดเก็บไฟล์ของระบบเต็มชั่วคราว ไฟล์นี้ยังไม่ได้บันทึก ส่วนข้อมูลและหลักฐานที่บันทึกไว้แล้วไม่สูญหาย ลองอัปโหลดใหม่ภายหลัง หากยังไม่ได้ แจ้งผู้ดูแลระบบ';
  }
}
