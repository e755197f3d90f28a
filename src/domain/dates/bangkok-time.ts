// Deadlines are Asia/Bangkok wall-clock times. Thailand keeps UTC+7 all year (no daylight saving), so a Bangkok
// date and time maps to one instant by a fixed offset.
const offsetMs = 7 * 60 * 60 * 1000;

/** The instant of a Bangkok calendar date (CE, YYYY-MM-DD) and time (HH:MM or HH:MM:SS). */
export function bangkokInstant(date: string, time = '00:00:00'): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh = 0, mm = 0, ss = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss) - offsetMs);
}

/** The last second of a Bangkok calendar day: how "ภายในวันที่ …" reads as an instant. */
export function endOfBangkokDay(date: string): Date {
  return bangkokInstant(date, '23:59:59');
}

/** The Bangkok calendar date (CE, YYYY-MM-DD) and time (HH:MM) of an instant. */
export function toBangkok(at: Date): { date: string; time: string } {
  const shifted = new Date(at.getTime() + offsetMs).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The Bangkok calendar date (CE, YYYY-MM-DD) of an instant: an event at 01:00 Bangkok time belongs to that day. */
export const bangkokDate = (at: Date): string => toBangkok(at).date;

/** The Bangkok wall-clock fields of an instant (CE year, month 1–12), by the fixed offset: no Intl formatter, which
 * costs about 0.1 ms to build, and pages and spreadsheets show thousands of dates. */
export function bangkokParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const t = new Date(at.getTime() + offsetMs);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

/** A Buddhist-Era year to the Common Era and back. */
export const toCE = (yearBE: number) => yearBE - 543;
export const toBE = (yearCE: number) => yearCE + 543;
