import { bangkokInstant, toBangkok } from '../dates/bangkok-time.ts';
import { formatThaiDate } from '../dates/thai-date.ts';

// A workshop's time as Thai letters write it: "วันพฤหัสบดีที่ 18 เมษายน 2569 เวลา 09.00–12.00 น." (Bangkok).

const weekdays = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];
const hhmm = (at: Date) => toBangkok(at).time.replace(':', '.');

export function workshopWhen(startsAt: Date, endsAt: Date): string {
  const startDay = toBangkok(startsAt).date;
  const endDay = toBangkok(endsAt).date;
  const weekday = weekdays[bangkokInstant(startDay, '12:00').getUTCDay()];
  const first = `วัน${weekday}ที่ ${formatThaiDate(startDay)}`;
  if (startDay === endDay) return `${first} เวลา ${hhmm(startsAt)}–${hhmm(endsAt)} น.`;
  return `${first} เวลา ${hhmm(startsAt)} น. ถึงวันที่ ${formatThaiDate(endDay)} เวลา ${hhmm(endsAt)} น.`;
}

/** "อีก 3 วัน", "วันนี้", "พรุ่งนี้" — how soon a workshop starts, counted in Bangkok calendar days. */
export function startsIn(startsAt: Date, now: Date): string | null {
  const days = Math.round((bangkokInstant(toBangkok(startsAt).date).getTime() - bangkokInstant(toBangkok(now).date).getTime()) / 86_400_000);
  if (days < 0) return null;
  if (days === 0) return 'วันนี้';
  if (days === 1) return 'พรุ่งนี้';
  return `อีก ${days.toLocaleString('th-TH')} วัน`;
}
