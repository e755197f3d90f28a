import { bangkokInstant, toBangkok } from '../../../domain/dates/bangkok-time.ts';

// Dates on the document forms are typed as วว/ดด/ปปปป in the Buddhist Era (15/09/2568).

export const thaiDatePattern = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
export const thaiDateHint = 'ใส่วันที่เป็น วว/ดด/ปปปป พ.ศ. เช่น 15/09/2568';
export const noSuchDate = 'ไม่มีวันที่นี้ในปฏิทิน ตรวจวัน เดือน ปี พ.ศ.';

/** 15/09/2568 for an instant, by its Bangkok calendar day. */
export function thaiDate(d: Date): string {
  const { date } = toBangkok(d);
  const [y, m, day] = date.split('-');
  return `${day}/${m}/${Number(y) + 543}`;
}

/** The instant (09:00 Bangkok) of a typed Buddhist-Era date, or null when the calendar has no such day. */
export function parseThaiDate(s: string): Date | null {
  const [d, m, y] = s.split('/').map(Number) as [number, number, number];
  const ce = y - 543;
  const probe = new Date(Date.UTC(ce, m - 1, d));
  if (probe.getUTCFullYear() !== ce || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return bangkokInstant(`${ce}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, '09:00');
}

/** Paragraphs typed in a text area, separated by an empty line; lines inside one joined. */
export const paragraphsOf = (s: string) => s.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
