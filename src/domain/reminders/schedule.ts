import { bangkokInstant, toBangkok } from '../dates/bangkok-time.ts';

// When the scheduled reminders fall due. They run every hour; each decision names a mark, and a respondent is
// reminded once per mark (the marks are stored), so running twice — or on two workers at once — sends nothing twice.

export const defaultReminderSettings = { enabled: true, daysBefore: [7, 1], escalateAfterDays: 3 } as const;
export type ReminderSettings = { enabled: boolean; daysBefore: readonly number[]; escalateAfterDays: number };

const dayMs = 86_400_000;

/** The start of the Bangkok calendar day `days` days before the deadline's own day. */
function startOfDayBefore(deadline: Date, days: number): Date {
  const { date } = toBangkok(deadline);
  return new Date(bangkokInstant(date).getTime() - days * dayMs);
}

/**
 * The "N days before" reminder due now for a respondent whose deadline is `deadline`, or null. From the start of the
 * Bangkok day N days before the deadline's day until the deadline, the reminder for N is due; when several are (a
 * worker was down), only the nearest is sent — a "7 days" message one day before would mislead.
 */
export function beforeDueReminder(deadline: Date, now: Date, daysBefore: readonly number[], done: ReadonlySet<string>): { days: number; mark: string } | null {
  if (now.getTime() >= deadline.getTime()) return null;
  const nearest = [...daysBefore].sort((a, b) => a - b).find((d) => now.getTime() >= startOfDayBefore(deadline, d).getTime());
  if (nearest === undefined) return null;
  const mark = beforeDueMark(nearest, deadline);
  return done.has(mark) ? null : { days: nearest, mark };
}

export const beforeDueMark = (days: number, deadline: Date) => `before_due:${days}:${deadline.toISOString()}`;
export const escalationMark = (deadline: Date) => `escalation:${deadline.toISOString()}`;
export const extensionMark = (extensionId: number) => `extension:${extensionId}`;

/** A respondent still holding its data `afterDays` whole days after its own deadline is escalated (once per deadline:
 * an extension that passes again escalates again). */
export function escalationDue(deadline: Date, now: Date, afterDays: number, done: ReadonlySet<string>): string | null {
  if (now.getTime() < deadline.getTime() + afterDays * dayMs) return null;
  const mark = escalationMark(deadline);
  return done.has(mark) ? null : mark;
}

/** Days before the deadline as an owner types them ("7, 3, 1"): whole days 1–90, at most five, no repeats. */
export function parseDaysBefore(raw: string): { ok: true; days: number[] } | { ok: false; message: string } {
  const parts = raw.split(/[,\s]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: true, days: [] };
  const days: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,2}$/.test(p) || Number(p) < 1 || Number(p) > 90) return { ok: false, message: `"${p}" ไม่ใช่จำนวนวันที่ใช้ได้ กรอกจำนวนเต็ม 1–90 คั่นด้วยจุลภาค เช่น 7, 1` };
    if (!days.includes(Number(p))) days.push(Number(p));
  }
  if (days.length > 5) return { ok: false, message: 'ตั้งการเตือนล่วงหน้าได้ไม่เกิน 5 ครั้ง' };
  return { ok: true, days: days.sort((a, b) => b - a) };
}
