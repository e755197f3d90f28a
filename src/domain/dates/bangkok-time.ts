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

/** A Buddhist-Era year to the Common Era and back. */
export const toCE = (yearBE: number) => yearBE - 543;
export const toBE = (yearCE: number) => yearCE + 543;
