import type { Field } from '../framework/framework-schema.ts';

// What a person typed into one field, turned into the value we store — or a short Thai message saying what to fix.
// Numbers accept Thai digits, thousands separators and spaces; never exponents (1e309) or letters. Dates are
// day/month/year in the Buddhist Era (as Thai forms write them) or ISO; impossible dates are named. Text is plain
// text: markup is refused rather than stored. Empty means "not answered" (null).

export type StoredValue = number | string | boolean | null;
export type ParsedField = { ok: true; value: StoredValue } | { ok: false; message: string };

export const textLimits = { text: 500, longtext: 5000 } as const;
const maxMagnitude = 1e13;
const thaiMonths = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

const fromThaiDigits = (s: string) => s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const decimalsAllowed: Partial<Record<Field['type'], number>> = { decimal: 4, money: 2, percent: 2, area: 4 };

function parseNumber(field: Field, raw: string): ParsedField {
  const s = fromThaiDigits(raw).replace(/[\s,\u00A0]/g, '').replace(/^\+/, '').replace(/บาท$|%$/u, '');
  const whole = field.type === 'integer';
  const pattern = whole ? /^-?\d+$/ : /^-?(\d+(\.\d*)?|\.\d+)$/;
  if (!pattern.test(s)) return { ok: false, message: whole ? 'กรอกเป็นจำนวนเต็ม เช่น 12 (ไม่มีตัวอักษรหรือจุดทศนิยม)' : 'กรอกเป็นตัวเลข เช่น 1,250.50 (ไม่มีตัวอักษร)' };
  const value = Number(s);
  if (!Number.isFinite(value) || Math.abs(value) >= maxMagnitude) return { ok: false, message: 'ตัวเลขมากเกินไป ตรวจจำนวนหลักอีกครั้ง' };
  const places = s.includes('.') ? s.split('.')[1]!.length : 0;
  const allowed = decimalsAllowed[field.type] ?? 0;
  if (places > allowed) return { ok: false, message: `ทศนิยมได้ไม่เกิน ${allowed} ตำแหน่ง` };
  const min = field.min ?? (field.type === 'area' || field.type === 'money' || field.type === 'percent' || field.type === 'integer' ? 0 : undefined);
  const max = field.max ?? (field.type === 'percent' ? 100 : undefined);
  const unit = field.unit ? ` ${field.unit}` : '';
  if (min !== undefined && value < min) return { ok: false, message: min === 0 ? `ต้องไม่ติดลบ` : `ต้องไม่น้อยกว่า ${min.toLocaleString('th-TH')}${unit}` };
  if (max !== undefined && value > max) return { ok: false, message: `ต้องไม่เกิน ${max.toLocaleString('th-TH')}${unit}` };
  return { ok: true, value };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseDate(raw: string): ParsedField {
  const s = fromThaiDigits(raw).trim();
  let d: number, m: number, y: number;
  const thai = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (thai) {
    [d, m, y] = [Number(thai[1]), Number(thai[2]), Number(thai[3]) - 543];
    if (y < 1900) return { ok: false, message: 'ปีต้องเป็นพุทธศักราช 4 หลัก เช่น 15/05/2568' };
  } else if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return { ok: false, message: 'กรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 15/05/2568' };
  }
  if (m < 1 || m > 12) return { ok: false, message: 'เดือนต้องอยู่ระหว่าง 1 ถึง 12' };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, message: `ไม่มีวันที่ ${d} ${thaiMonths[m - 1]} ${y + 543}` };
  if (y < 1950 || y > 2200) return { ok: false, message: 'ปีไม่อยู่ในช่วงที่ใช้ได้' };
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const yes = new Set(['yes', 'true', '1', 'ใช่', 'มี', 'y']);
const no = new Set(['no', 'false', '0', 'ไม่ใช่', 'ไม่มี', 'n']);

export function parseFieldValue(field: Field, raw: string | undefined | null): ParsedField {
  if (raw === undefined || raw === null) return { ok: true, value: null };
  if (raw.length > textLimits.longtext * 4) return { ok: false, message: `ข้อความยาวเกินไป (ไม่เกิน ${textLimits.longtext.toLocaleString('th-TH')} ตัวอักษร)` };
  const trimmed = raw.replace(/\r\n/g, '\n').trim();
  if (trimmed === '') return { ok: true, value: null };
  switch (field.type) {
    case 'integer': case 'decimal': case 'money': case 'percent': case 'area':
      return parseNumber(field, trimmed);
    case 'date':
      return parseDate(trimmed);
    case 'yesno': {
      const v = trimmed.toLowerCase();
      if (yes.has(v)) return { ok: true, value: true };
      if (no.has(v)) return { ok: true, value: false };
      return { ok: false, message: 'เลือก ใช่ หรือ ไม่ใช่' };
    }
    case 'choice': {
      const choice = field.choices?.find((c) => c.value === trimmed || c.label === trimmed);
      return choice ? { ok: true, value: choice.value } : { ok: false, message: 'เลือกคำตอบจากรายการที่กำหนด' };
    }
    case 'text': case 'longtext': {
      const limit = textLimits[field.type];
      if ([...trimmed].length > limit) return { ok: false, message: `ยาวเกิน ${limit.toLocaleString('th-TH')} ตัวอักษร ตัดให้สั้นลง` };
      if (/<\s*[a-z!/?]/i.test(trimmed)) return { ok: false, message: 'ใส่ได้เฉพาะข้อความธรรมดา ไม่รับแท็ก HTML หรือสคริปต์ (เครื่องหมาย < ตามด้วยตัวอักษร)' };
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(trimmed)) return { ok: false, message: 'มีอักขระพิเศษที่อ่านไม่ได้ ลบแล้วพิมพ์ใหม่' };
      if (field.type === 'text' && trimmed.includes('\n')) return { ok: true, value: trimmed.replace(/\s*\n\s*/g, ' ') };
      return { ok: true, value: trimmed };
    }
    case 'file':
      return { ok: false, message: 'แนบไฟล์ในส่วนหลักฐาน' };
  }
}

/** The stored value as it goes back into the form field. */
export function formatFieldValue(field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${Number(y) + 543}`;
  }
  if (field.type === 'yesno') return value === true ? 'yes' : value === false ? 'no' : '';
  return String(value);
}

/** The stored value as a person reads it (check-answers page, review). */
export function displayFieldValue(field: Field, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `${value.toLocaleString('th-TH', { maximumFractionDigits: 4 })}${field.unit ? ` ${field.unit}` : ''}`;
  if (field.type === 'yesno') return value ? 'ใช่' : 'ไม่ใช่';
  if (field.type === 'choice') return field.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (field.type === 'date') return formatFieldValue(field, value);
  return String(value);
}
