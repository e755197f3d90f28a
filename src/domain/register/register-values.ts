// Parsing single cells of a register file. Each returns the value or the reason it is wrong; the row
// validator turns reasons into Thai problems. Thai digits (๐–๙) are read as digits throughout, because
// Thai-language spreadsheets and typed codes use them.

export type Parsed<T> = { ok: true; value: T } | { ok: false };

export function toArabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Trim, and fold runs of whitespace (tabs, no-break spaces from copy-paste) into one space. */
export function cleanText(raw: string): string {
  return raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export type CodeResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'space' | 'too_long' };

/**
 * DLA's code is opaque, so it is only checked for shape. The 8-digit form with a leading 0 is the same code as
 * the 7-digit one (spreadsheets drop or add the zero), so both are stored as 7 digits: otherwise a re-import
 * from a differently formatted file would close and re-add the LAO.
 */
export function parseLaoCode(raw: string, maxLength: number): CodeResult {
  const v = toArabicDigits(raw).replace(/^[\u00a0\u200b\s]+|[\u00a0\u200b\s]+$/g, '');
  if (v === '') return { ok: false, reason: 'empty' };
  if (/[\s\u00a0\u200b]/.test(v)) return { ok: false, reason: 'space' };
  if (v.length > maxLength) return { ok: false, reason: 'too_long' };
  if (/^0\d{7}$/.test(v)) return { ok: true, value: v.slice(1) };
  return { ok: true, value: v };
}

export function parseDigitsCode(raw: string, digits: number): Parsed<string> {
  const v = toArabicDigits(raw).trim();
  return new RegExp(`^\\d{${digits}}$`).test(v) ? { ok: true, value: v } : { ok: false };
}

/**
 * A calendar date as YYYY-MM-DD or DD/MM/YYYY (also with - or .), stored in the Common Era. A year above 2400
 * is a Buddhist-Era year (CE + 543); no real register date is ambiguous between the two.
 */
export function parseRegisterDate(raw: string): Parsed<string> {
  const v = toArabicDigits(raw).trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return { ok: false };
  if (y > 2400) y -= 543;
  if (y < 1900 || y > 2200) return { ok: false };
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return { ok: false };
  return { ok: true, value: at.toISOString().slice(0, 10) };
}

const yes = new Set(['true', '1', 'yes', 'y', 'ใช่', 'จำลอง']);
const no = new Set(['', 'false', '0', 'no', 'n', 'ไม่', 'ไม่ใช่']);

export function parseYesNo(raw: string): Parsed<boolean> {
  const v = toArabicDigits(raw).trim().toLowerCase();
  if (yes.has(v)) return { ok: true, value: true };
  if (no.has(v)) return { ok: true, value: false };
  return { ok: false };
}

/** The calendar day before a YYYY-MM-DD date. */
export function previousDay(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - 1);
  return at.toISOString().slice(0, 10);
}
