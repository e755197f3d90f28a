import type { RoundStateName } from './entry-window.ts';

// A round's life: draft → open → closed → published. Opening fixes who is expected to respond and freezes the
// framework version; a closed round may be reopened (a late decision) until it is published.

export const roundStateLabels: Record<RoundStateName, string> = {
  draft: 'ร่าง (ยังไม่เปิด)',
  open: 'เปิดรับข้อมูล',
  closed: 'ปิดรับข้อมูลแล้ว',
  published: 'ประกาศผลแล้ว',
};

const transitions: Record<RoundStateName, RoundStateName[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open', 'published'],
  published: [],
};

export function canMoveRound(from: RoundStateName, to: RoundStateName): boolean {
  return transitions[from].includes(to);
}

export type RoundDateProblem = { field: 'opensAt' | 'dueAt' | 'lateUntil' | 'editClosesAt'; message: string };

/** Dates must follow each other: opens < due ≤ late acceptance end ≤ editing closes. */
export function checkRoundDates(d: { opensAt: Date; dueAt: Date; lateUntil: Date; editClosesAt: Date }): RoundDateProblem[] {
  const problems: RoundDateProblem[] = [];
  if (d.dueAt <= d.opensAt) problems.push({ field: 'dueAt', message: 'กำหนดส่งต้องอยู่หลังวันเปิดรับข้อมูล' });
  if (d.lateUntil < d.dueAt) problems.push({ field: 'lateUntil', message: 'วันสิ้นสุดการรับข้อมูลล่าช้าต้องไม่ก่อนกำหนดส่ง' });
  if (d.editClosesAt < d.lateUntil) problems.push({ field: 'editClosesAt', message: 'วันปิดการแก้ไขต้องไม่ก่อนวันสิ้นสุดการรับข้อมูลล่าช้า' });
  return problems;
}
