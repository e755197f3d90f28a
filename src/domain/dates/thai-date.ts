import { bangkokParts } from './bangkok-time.ts';

// Dates are stored as UTC instants or calendar dates and shown in the Buddhist Era, in Asia/Bangkok.

const thaiMonths = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const thaiMonthsShort = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

export type ThaiDateOptions = { short?: boolean; thaiDigits?: boolean; withTime?: boolean };

export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
}

/** 22 พฤศจิกายน 2569 (or 22 พ.ย. 2569, with น. time when asked). */
export function formatThaiDate(at: Date | string, opts: ThaiDateOptions = {}): string {
  let y: number, m: number, d: number, time = '';
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) {
    [y, m, d] = at.split('-').map(Number) as [number, number, number];
  } else {
    const p = bangkokParts(typeof at === 'string' ? new Date(at) : at);
    ({ year: y, month: m, day: d } = p);
    if (opts.withTime) time = ` ${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} น.`;
  }
  const month = (opts.short ? thaiMonthsShort : thaiMonths)[m - 1];
  const text = `${d} ${month} ${y + 543}${time}`;
  return opts.thaiDigits ? toThaiDigits(text) : text;
}

/** 22 พ.ย. 2569 10.00 น.: the short date and time lists and spreadsheets show. */
export const shortDateTime = (at: Date): string => formatThaiDate(at, { short: true, withTime: true });

/** The fiscal year (ปีงบประมาณ) in the Buddhist Era: 1 Oct – 30 Sep, so October 2568 BE is in FY 2569. */
export function fiscalYearBE(at: Date): number {
  const p = bangkokParts(at);
  return p.year + 543 + (p.month >= 10 ? 1 : 0);
}
